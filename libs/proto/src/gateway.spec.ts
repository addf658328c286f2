// GatewayConfiguration: field 4 is gateway_type (no update_type); extra_info is a oneof of
// zeta_info (6) and arion_info (7), generated as a { $case, value } union.
import { GatewayConfiguration, GatewayType } from './index';
import { hex, toHex } from './testing/golden';

describe('gateway.proto golden bytes', () => {
  const zeta = GatewayConfiguration.fromPartial({
    revisionNumber: 1,
    id: 'gw1',
    gatewayType: GatewayType.ZETA,
    destinations: [{ ipAddress: '172.16.0.9', macAddress: 'fa:16:3e:00:00:0a' }],
    extraInfo: { $case: 'zetaInfo', value: { portInbandOperation: 8300 } },
  });

  const zetaBytes = hex(
    '08 01', // field 1 revision_number VARINT 1
    '1a 03 67 77 31', // field 3 id LEN 3 "gw1"
    '20 01', // field 4 gateway_type VARINT ZETA = 1
    '2a 1f', // field 5 destinations LEN 31
    '0a 0a 31 37 32 2e 31 36 2e 30 2e 39', //   destination field 1 ip_address LEN 10 "172.16.0.9"
    '12 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 61', //   destination field 2 mac_address LEN 17 "fa:16:3e:00:00:0a"
    '32 03', // field 6 zeta_info (oneof extra_info) LEN 3
    '08 ec 40', //   zeta field 1 port_inband_operation VARINT 8300 (0x206c: 6c|80 = ec, 0x206c >> 7 = 0x40)
  );

  it('encodes the zeta oneof to the hand-derived bytes', () => {
    expect(toHex(GatewayConfiguration.encode(zeta).finish())).toBe(toHex(zetaBytes));
  });

  it('decodes the zeta oneof from the hand-derived bytes', () => {
    const decoded = GatewayConfiguration.decode(zetaBytes);
    expect(decoded).toEqual(zeta);
    expect(decoded.extraInfo?.$case).toBe('zetaInfo');
  });

  it('encodes and decodes the arion oneof at field 7', () => {
    const arion = GatewayConfiguration.fromPartial({
      gatewayType: GatewayType.ARION,
      extraInfo: { $case: 'arionInfo', value: { vpcId: 'v1', vni: 1000, subnetId: 's1' } },
    });
    const bytes = hex(
      '20 05', // field 4 gateway_type VARINT ARION = 5
      '3a 0b', // field 7 arion_info (oneof extra_info) LEN 11
      '0a 02 76 31', //   arion field 1 vpc_id LEN 2 "v1"
      '10 e8 07', //   arion field 2 vni VARINT 1000
      '1a 02 73 31', //   arion field 3 subnet_id LEN 2 "s1"
    );
    expect(toHex(GatewayConfiguration.encode(arion).finish())).toBe(toHex(bytes));
    expect(GatewayConfiguration.decode(bytes)).toEqual(arion);
  });

  it('keeps the last oneof member seen on the wire', () => {
    const both = hex(
      '32 02 08 01', // field 6 zeta_info LEN 2 { port_inband_operation 1 }
      '3a 03 10 e8 07', // field 7 arion_info LEN 3 { vni 1000 }
    );
    expect(GatewayConfiguration.decode(both).extraInfo).toEqual({
      $case: 'arionInfo',
      value: { vpcId: '', vni: 1000, subnetId: '', portInbandOperation: 0 },
    });
  });
});
