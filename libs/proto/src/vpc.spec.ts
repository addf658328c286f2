import { OperationType, UpdateType, VpcState } from './index';
import { hex, toHex } from './testing/golden';

describe('vpc.proto golden bytes', () => {
  const state = VpcState.fromPartial({
    operationType: OperationType.CREATE,
    configuration: {
      revisionNumber: 1,
      id: 'v1',
      updateType: UpdateType.FULL,
      projectId: 'p',
      cidr: '10.0.0.0/16',
      tunnelId: 1000,
      gatewayIds: ['g1', 'g2'],
    },
  });

  const expected = hex(
    '08 01', // VpcState field 1 operation_type VARINT: CREATE = 1
    '12 23', // VpcState field 2 configuration LEN 35
    '08 01', //   field 1 revision_number VARINT 1
    '1a 02 76 31', //   field 3 id LEN 2 "v1"
    '20 01', //   field 4 update_type VARINT FULL = 1
    '2a 01 70', //   field 5 project_id LEN 1 "p"
    '3a 0b 31 30 2e 30 2e 30 2e 30 2f 31 36', //   field 7 cidr LEN 11 "10.0.0.0/16"
    '40 e8 07', //   field 8 tunnel_id VARINT 1000 (uint32: 0x3e8 -> e8 07)
    '4a 02 67 31', //   field 9 gateway_ids LEN 2 "g1"
    '4a 02 67 32', //   field 9 gateway_ids LEN 2 "g2" (repeated string: one tag per element)
  );

  it('encodes to the hand-derived bytes', () => {
    expect(toHex(VpcState.encode(state).finish())).toBe(toHex(expected));
  });

  it('decodes the hand-derived bytes', () => {
    const decoded = VpcState.decode(expected);
    expect(decoded).toEqual(state);
    expect(decoded.configuration?.tunnelId).toBe(1000);
    expect(typeof decoded.configuration?.tunnelId).toBe('number'); // uint32, not bigint
  });
});
