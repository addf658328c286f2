import { DHCPState, OperationType, UpdateType } from './index';
import { hex, toHex } from './testing/golden';

describe('dhcp.proto golden bytes', () => {
  const state = DHCPState.fromPartial({
    operationType: OperationType.CREATE,
    configuration: {
      revisionNumber: 1,
      id: 'd1',
      updateType: UpdateType.FULL,
      subnetId: 's1',
      macAddress: 'fa:16:3e:00:00:01',
      ipv4Address: '10.0.1.5',
      portHostName: 'vm1',
    },
  });

  const expected = hex(
    '08 01', // DHCPState field 1 operation_type VARINT CREATE = 1
    '12 2e', // DHCPState field 2 configuration LEN 46
    '08 01', //   field 1 revision_number VARINT 1
    '1a 02 64 31', //   field 3 id LEN 2 "d1"
    '20 01', //   field 4 update_type VARINT FULL = 1
    '2a 02 73 31', //   field 5 subnet_id LEN 2 "s1"
    '32 11 66 61 3a 31 36 3a 33 65 3a 30 30 3a 30 30 3a 30 31', //   field 6 mac_address LEN 17 "fa:16:3e:00:00:01"
    '3a 08 31 30 2e 30 2e 31 2e 35', //   field 7 ipv4_address LEN 8 "10.0.1.5"
    //                                     field 8 ipv6_address "": default, not on the wire
    '4a 03 76 6d 31', //   field 9 port_host_name LEN 3 "vm1"
  );

  it('encodes to the hand-derived bytes', () => {
    expect(toHex(DHCPState.encode(state).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived bytes', () => {
    expect(DHCPState.decode(expected)).toEqual(state);
  });
});
