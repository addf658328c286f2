// Golden tests for common.proto (enums only): the numeric values are the wire contract, so they
// are checked against the table in docs/southbound.md §2.1 and through a message that carries them.
import {
  EtherType,
  GoalStateOperationStatus,
  NetworkType,
  OperationStatus,
  OperationType,
  Protocol,
  RequestType,
  ResourceIdType,
  ResourceType,
  UpdateType,
} from './index';
import { hex, toHex } from './testing/golden';

describe('common.proto enums (E3 numbering)', () => {
  it('has the E3 numeric values', () => {
    expect([
      ResourceType.VPC,
      ResourceType.SUBNET,
      ResourceType.PORT,
      ResourceType.NEIGHBOR,
      ResourceType.SECURITYGROUP,
      ResourceType.DHCP,
      ResourceType.ROUTER,
      ResourceType.GATEWAY,
    ]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Post-alcor#539 numbering: INFO is the zero value (pre-2021 agents had CREATE = 0).
    expect([OperationType.INFO, OperationType.CREATE, OperationType.UPDATE, OperationType.GET, OperationType.DELETE]).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect([
      OperationStatus.SUCCESS,
      OperationStatus.FAILURE,
      OperationStatus.INVALID_ARG,
      OperationStatus.PENDING,
      OperationStatus.OUT_OF_ORDER,
    ]).toEqual([0, 1, 2, 3, 4]);
    expect([RequestType.ON_DEMAND, RequestType.AGENT_RESTARTED]).toEqual([0, 1]);
    expect([EtherType.IPV4, EtherType.IPV6]).toEqual([0, 1]);
    expect([Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.HTTP, Protocol.ARP]).toEqual([0, 1, 2, 3, 4]);
    expect([NetworkType.VXLAN, NetworkType.VLAN, NetworkType.GRE, NetworkType.GENEVE, NetworkType.VXLAN_GPE]).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect([UpdateType.DELTA, UpdateType.FULL]).toEqual([0, 1]);
  });

  it('encodes common enums as varints with their E3 values', () => {
    const status = GoalStateOperationStatus.fromPartial({
      resourceType: ResourceType.GATEWAY,
      operationType: OperationType.DELETE,
      operationStatus: OperationStatus.OUT_OF_ORDER,
    });
    const expected = hex(
      '10 07', // field 2 resource_type VARINT: GATEWAY = 7
      '18 04', // field 3 operation_type VARINT: DELETE = 4
      '20 04', // field 4 operation_status VARINT: OUT_OF_ORDER = 4
    );
    expect(toHex(GoalStateOperationStatus.encode(status).finish())).toBe(toHex(expected));
    expect(GoalStateOperationStatus.decode(expected)).toEqual(status);

    const id = ResourceIdType.fromPartial({ type: ResourceType.GATEWAY, id: 'g' });
    const idBytes = hex(
      '08 07', // field 1 type VARINT: GATEWAY = 7
      '12 01 67', // field 2 id LEN 1: "g"
    );
    expect(toHex(ResourceIdType.encode(id).finish())).toBe(toHex(idBytes));
    expect(ResourceIdType.decode(idBytes)).toEqual(id);
  });

  it('omits zero values (INFO, SUCCESS, DELTA, VXLAN are the proto3 defaults)', () => {
    const status = GoalStateOperationStatus.fromPartial({
      resourceType: ResourceType.VPC,
      operationType: OperationType.INFO,
      operationStatus: OperationStatus.SUCCESS,
    });
    expect(GoalStateOperationStatus.encode(status).finish()).toHaveLength(0);
    expect(GoalStateOperationStatus.decode(new Uint8Array(0)).operationType).toBe(OperationType.INFO);
  });
});
