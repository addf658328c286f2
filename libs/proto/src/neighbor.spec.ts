// E3 neighbor numbering (alcor#750, southbound §3.1): host_mac_address = 8 (tag 0x42),
// host_ip_address = 9 (tag 0x4a), fixed_ips = 10 (tag 0x52), allow_address_pairs = 11 (tag 0x5a).
import { NeighborConfiguration, NeighborConfiguration_FixedIp, NeighborState, NeighborType, OperationType, UpdateType } from './index';
import { hex, toHex } from './testing/golden';

describe('neighbor.proto golden bytes (E3)', () => {
  const state = NeighborState.fromPartial({
    operationType: OperationType.CREATE,
    configuration: {
      revisionNumber: 1,
      id: 'p2',
      updateType: UpdateType.FULL,
      vpcId: 'v1',
      macAddress: 'fa:16:3e:00:00:02',
      hostMacAddress: '52:54:00:00:00:0b',
      hostIpAddress: '172.16.0.3',
      fixedIps: [{ neighborType: NeighborType.L3, subnetId: 's1', ipAddress: '10.0.1.6', arionGroup: 'g1', tunnelId: 1000 }],
      allowAddressPairs: [{ ipAddress: '10.0.1.7', macAddress: 'fa:16:3e:00:00:03' }],
    },
  });

  const expected = hex(
    '08 01', // NeighborState field 1 operation_type VARINT CREATE = 1
    '12 76', // NeighborState field 2 configuration LEN 118
    '08 01', //   field 1 revision_number VARINT 1
    '1a 02 70 32', //   field 3 id LEN 2 "p2"
    '20 01', //   field 4 update_type VARINT FULL = 1
    '2a 02 76 31', //   field 5 vpc_id LEN 2 "v1"
    '3a 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 32', //   field 7 mac_address LEN 17 "fa:16:3e:00:00:02"
    '42 11 35 32 3a 35 34 3a 30 30 3a 30 30 3a 30 30 3a 30 62', //   field 8 host_mac_address LEN 17 "52:54:00:00:00:0b" (E3 only)
    '4a 0a 31 37 32 2e 31 36 2e 30 2e 33', //   field 9 host_ip_address LEN 10 "172.16.0.3" (E1: field 8)
    '52 17', //   field 10 fixed_ips LEN 23 (E1: field 9)
    '08 01', //     FixedIp field 1 neighbor_type VARINT L3 = 1
    '12 02 73 31', //     FixedIp field 2 subnet_id LEN 2 "s1"
    '1a 08 31 30 2e 30 2e 31 2e 36', //     FixedIp field 3 ip_address LEN 8 "10.0.1.6"
    '22 02 67 31', //     FixedIp field 4 arion_group LEN 2 "g1"
    '28 e8 07', //     FixedIp field 5 tunnel_id VARINT 1000 (uint32)
    '5a 1d', //   field 11 allow_address_pairs LEN 29 (E1: field 10)
    '0a 08 31 30 2e 30 2e 31 2e 37', //     AllowAddressPair field 1 ip_address LEN 8 "10.0.1.7"
    '12 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 33', //     AllowAddressPair field 2 mac_address LEN 17 "fa:16:3e:00:00:03"
  );

  it('encodes with the E3 field numbers', () => {
    expect(toHex(NeighborState.encode(state).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived E3 bytes', () => {
    const decoded = NeighborState.decode(expected);
    expect(decoded).toEqual(state);
    expect(decoded.configuration?.fixedIps[0]?.neighborType).toBe(NeighborType.L3);
    expect(decoded.configuration?.fixedIps[0]?.tunnelId).toBe(1000);
  });

  it('reads E1-numbered bytes wrongly, which is the documented hazard (never mix epochs)', () => {
    // An E1 sender puts host_ip_address at field 8 (tag 0x42) and fixed_ips at field 9 (tag 0x4a).
    const e1 = hex(
      '42 0a 31 37 32 2e 31 36 2e 30 2e 33', // E1 field 8 host_ip_address LEN 10 "172.16.0.3"
      '4a 0a 0a 08 31 30 2e 30 2e 31 2e 36', // E1 field 9 fixed_ips LEN 10 { field 1 LEN 8 "10.0.1.6" }
    );
    const decoded = NeighborConfiguration.decode(e1);
    // E3 reads field 8 as host_mac_address and field 9 as the host_ip_address string, so the
    // host IP lands in the MAC field and the FixedIp's raw bytes become the "host IP".
    expect(decoded.hostMacAddress).toBe('172.16.0.3');
    expect(decoded.hostIpAddress).toBe('\x0a\x0810.0.1.6');
    expect(decoded.fixedIps).toEqual([]);
  });

  it('skips the reserved E2 FixedIp.mac_address (field 6) when decoding', () => {
    const e2 = hex(
      '08 01', // field 1 neighbor_type VARINT L3
      '32 01 78', // field 6 (reserved in E3; E2 mac_address) LEN 1 "x": unknown, skipped
      '28 05', // field 5 tunnel_id VARINT 5
    );
    expect(NeighborConfiguration_FixedIp.decode(e2)).toEqual(
      NeighborConfiguration_FixedIp.fromPartial({ neighborType: NeighborType.L3, tunnelId: 5 }),
    );
  });
});
