import { OperationType, PortState, UpdateType } from './index';
import { hex, toHex } from './testing/golden';

describe('port.proto golden bytes', () => {
  const state = PortState.fromPartial({
    operationType: OperationType.CREATE,
    configuration: {
      revisionNumber: 1,
      id: 'p1',
      updateType: UpdateType.FULL,
      vpcId: 'v1',
      deviceId: 'd',
      deviceOwner: 'nova',
      macAddress: 'fa:16:3e:00:00:01',
      adminStateUp: true,
      hostInfo: { ipAddress: '172.16.0.2' },
      fixedIps: [{ subnetId: 's1', ipAddress: '10.0.1.5' }],
      allowAddressPairs: [{ ipAddress: '10.0.1.9' }],
      securityGroupIds: [{ id: 'sg1' }],
    },
  });

  const expected = hex(
    '08 01', // PortState field 1 operation_type VARINT CREATE = 1
    '12 5b', // PortState field 2 configuration LEN 91
    '08 01', //   field 1 revision_number VARINT 1
    '1a 02 70 31', //   field 3 id LEN 2 "p1"
    '20 01', //   field 4 update_type VARINT FULL = 1
    '2a 02 76 31', //   field 5 vpc_id LEN 2 "v1"
    '3a 01 64', //   field 7 device_id LEN 1 "d"
    '42 04 6e 6f 76 61', //   field 8 device_owner LEN 4 "nova"
    '4a 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 31', //   field 9 mac_address LEN 17 "fa:16:3e:00:00:01"
    '50 01', //   field 10 admin_state_up VARINT true
    '5a 0c 0a 0a 31 37 32 2e 31 36 2e 30 2e 32', //   field 11 host_info LEN 12 { field 1 ip_address LEN 10 "172.16.0.2" }
    '62 0e', //   field 12 fixed_ips LEN 14
    '0a 02 73 31', //     FixedIp field 1 subnet_id LEN 2 "s1"
    '12 08 31 30 2e 30 2e 31 2e 35', //     FixedIp field 2 ip_address LEN 8 "10.0.1.5"
    '6a 0a 0a 08 31 30 2e 30 2e 31 2e 39', //   field 13 allow_address_pairs LEN 10 { field 1 ip_address LEN 8 "10.0.1.9" }
    '72 05 0a 03 73 67 31', //   field 14 security_group_ids LEN 5 { field 1 id LEN 3 "sg1" }
  );

  it('encodes to the hand-derived bytes', () => {
    expect(toHex(PortState.encode(state).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived bytes', () => {
    const decoded = PortState.decode(expected);
    expect(decoded).toEqual(state);
    expect(decoded.configuration?.fixedIps[0]).toEqual({ subnetId: 's1', ipAddress: '10.0.1.5' });
  });
});
