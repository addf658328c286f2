// GoalStateV2 maps: on the wire a map<K, V> field is a repeated LEN field whose elements are
// entry messages { key = 1; value = 2; }. v1 and v2 number their state fields differently
// (southbound §3.2).
import {
  GOAL_STATE_V2_FORMAT_VERSION,
  GoalState,
  GoalStateV2,
  OperationType,
  ResourceType,
  UpdateType,
} from './index';
import { hex, toHex } from './testing/golden';

describe('goalstate.proto golden bytes', () => {
  const v2 = GoalStateV2.fromPartial({
    formatVersion: GOAL_STATE_V2_FORMAT_VERSION,
    hostResources: {
      '172.16.0.2': {
        resources: [
          { type: ResourceType.PORT, id: 'p1' },
          { type: ResourceType.SUBNET, id: 's1' },
        ],
      },
    },
    portStates: {
      p1: {
        operationType: OperationType.CREATE,
        configuration: { revisionNumber: 1, id: 'p1', updateType: UpdateType.FULL },
      },
    },
  });

  const v2Bytes = hex(
    '08 66', // field 1 format_version VARINT 102
    '12 1e', // field 2 host_resources, one map entry LEN 30
    '0a 0a 31 37 32 2e 31 36 2e 30 2e 32', //   entry field 1 key LEN 10 "172.16.0.2"
    '12 10', //   entry field 2 value (HostResources) LEN 16
    '0a 06 08 02 12 02 70 31', //     HostResources field 1 resources LEN 6 { type VARINT PORT = 2, id LEN 2 "p1" }
    '0a 06 08 01 12 02 73 31', //     HostResources field 1 resources LEN 6 { type VARINT SUBNET = 1, id LEN 2 "s1" }
    '2a 12', // field 5 port_states, one map entry LEN 18
    '0a 02 70 31', //   entry field 1 key LEN 2 "p1"
    '12 0c', //   entry field 2 value (PortState) LEN 12
    '08 01', //     PortState field 1 operation_type VARINT CREATE = 1
    '12 08', //     PortState field 2 configuration LEN 8
    '08 01 1a 02 70 31 20 01', //       revision_number 1, id LEN 2 "p1", update_type FULL
  );

  it('encodes GoalStateV2 map entries to the hand-derived bytes', () => {
    expect(toHex(GoalStateV2.encode(v2).finish())).toBe(toHex(v2Bytes));
  });

  it('decodes GoalStateV2 map entries from the hand-derived bytes', () => {
    const decoded = GoalStateV2.decode(v2Bytes);
    expect(decoded).toEqual(v2);
    expect(decoded.formatVersion).toBe(102);
    expect(Object.keys(decoded.hostResources)).toEqual(['172.16.0.2']);
    expect(decoded.hostResources['172.16.0.2']?.resources.map((r) => r.id)).toEqual(['p1', 's1']);
    expect(decoded.portStates['p1']?.configuration?.id).toBe('p1');
  });

  it('uses different field numbers for neighbor and DHCP states in v1 and v2', () => {
    const v1 = GoalState.fromPartial({
      neighborStates: [{ operationType: OperationType.CREATE }],
      dhcpStates: [{ operationType: OperationType.DELETE }],
    });
    const v1Bytes = hex(
      '2a 02 08 01', // v1 field 5 neighbor_states LEN 2 { operation_type CREATE }
      '3a 02 08 04', // v1 field 7 dhcp_states LEN 2 { operation_type DELETE }
    );
    expect(toHex(GoalState.encode(v1).finish())).toBe(toHex(v1Bytes));
    expect(GoalState.decode(v1Bytes)).toEqual(v1);

    const v2Same = GoalStateV2.fromPartial({
      neighborStates: { n: { operationType: OperationType.CREATE } },
      dhcpStates: { d: { operationType: OperationType.DELETE } },
    });
    const v2SameBytes = hex(
      '32 07 0a 01 64 12 02 08 04', // v2 field 6 dhcp_states entry LEN 7 { key "d", value { DELETE } }
      '3a 07 0a 01 6e 12 02 08 01', // v2 field 7 neighbor_states entry LEN 7 { key "n", value { CREATE } }
    );
    expect(toHex(GoalStateV2.encode(v2Same).finish())).toBe(toHex(v2SameBytes));
    expect(GoalStateV2.decode(v2SameBytes)).toEqual(v2Same);
  });
});
