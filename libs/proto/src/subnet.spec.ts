// uint64 hazard (southbound §3.3): SubnetConfiguration.tunnel_id is the only uint64 in the
// schema and is a bigint in TypeScript. These tests prove values above 2^32 and up to 2^64-1
// survive encode/decode exactly.
import { NetworkType, SubnetConfiguration, UpdateType } from './index';
import { hex, toHex } from './testing/golden';

describe('subnet.proto golden bytes', () => {
  const TUNNEL_ID = 2n ** 32n + 5n; // 4294967301: does not fit a uint32

  const config = SubnetConfiguration.fromPartial({
    revisionNumber: 2,
    id: 's1',
    updateType: UpdateType.FULL,
    networkType: NetworkType.VLAN,
    vpcId: 'v1',
    cidr: '10.0.1.0/24',
    tunnelId: TUNNEL_ID,
    gateway: { ipAddress: '10.0.1.1', macAddress: 'fa:16:3e:00:00:01' },
    dhcpEnable: true,
    extraDhcpOptions: [{ name: 'mtu', value: '1450' }],
    dnsEntryList: [{ entry: '8.8.8.8' }],
    availabilityZone: 'az1',
  });

  const expected = hex(
    '08 02', // field 1 revision_number VARINT 2
    '1a 02 73 31', // field 3 id LEN 2 "s1"
    '20 01', // field 4 update_type VARINT FULL = 1
    '28 01', // field 5 network_type VARINT VLAN = 1
    '32 02 76 31', // field 6 vpc_id LEN 2 "v1"
    '42 0b 31 30 2e 30 2e 31 2e 30 2f 32 34', // field 8 cidr LEN 11 "10.0.1.0/24"
    // field 9 tunnel_id VARINT (uint64) 2^32 + 5, 7 bits per byte, LSB group first:
    // bits 0-6 = 5 -> 85 (continuation), bits 7-27 = 0 -> 80 80 80, bits 28-34 = 0b10000 -> 10 (last)
    '48 85 80 80 80 10',
    '52 1d', // field 10 gateway LEN 29
    '0a 08 31 30 2e 30 2e 31 2e 31', //   Gateway field 1 ip_address LEN 8 "10.0.1.1"
    '12 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 31', //   Gateway field 2 mac_address LEN 17 "fa:16:3e:00:00:01"
    '58 01', // field 11 dhcp_enable VARINT true
    '62 0b', // field 12 extra_dhcp_options LEN 11
    '0a 03 6d 74 75', //   ExtraDhcpOption field 1 name LEN 3 "mtu"
    '12 04 31 34 35 30', //   ExtraDhcpOption field 2 value LEN 4 "1450"
    '6a 09 0a 07 38 2e 38 2e 38 2e 38', // field 13 dns_entry_list LEN 9 { field 1 entry LEN 7 "8.8.8.8" }
    '72 03 61 7a 31', // field 14 availability_zone LEN 3 "az1"
  );

  it('encodes a tunnel_id above 2^32 as a 5-byte varint', () => {
    expect(toHex(SubnetConfiguration.encode(config).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived bytes back to a bigint tunnel_id', () => {
    const decoded = SubnetConfiguration.decode(expected);
    expect(decoded).toEqual(config);
    expect(typeof decoded.tunnelId).toBe('bigint');
    expect(decoded.tunnelId).toBe(4294967301n);
  });

  it('keeps the full uint64 range exactly (2^64 - 1)', () => {
    const max = hex(
      '48', // field 9 tunnel_id VARINT
      'ff ff ff ff ff ff ff ff ff 01', // 64 one-bits: nine 7-bit groups of 1s, then the last bit
    );
    const m = SubnetConfiguration.fromPartial({ tunnelId: 2n ** 64n - 1n });
    expect(toHex(SubnetConfiguration.encode(m).finish())).toBe(toHex(max));
    expect(SubnetConfiguration.decode(max).tunnelId).toBe(18446744073709551615n);
  });

  it('rejects values outside uint64 instead of silently wrapping', () => {
    expect(() => SubnetConfiguration.encode(SubnetConfiguration.fromPartial({ tunnelId: 2n ** 64n }))).toThrow();
    expect(() => SubnetConfiguration.encode(SubnetConfiguration.fromPartial({ tunnelId: -1n }))).toThrow();
  });
});
