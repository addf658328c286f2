import {
  GoalStateOperationReply,
  GoalStateProvisionerClient,
  GoalStateProvisionerService,
  HostRequest,
  HostRequestReply,
  NeighborRulesRequest,
  OperationStatus,
  OperationType,
  Protocol,
  RequestType,
  ResourceType,
} from './index';
import { hex, toHex } from './testing/golden';

describe('goalstateprovisioner.proto golden bytes', () => {
  it('HostRequest with one ResourceStateRequest', () => {
    const request = HostRequest.fromPartial({
      formatVersion: 1,
      stateRequests: [
        {
          requestType: RequestType.ON_DEMAND,
          requestId: 'q1',
          tunnelId: 1000,
          sourceIp: '10.0.1.5',
          destinationIp: '10.0.1.6',
          destinationPort: 80,
          protocol: Protocol.ICMP,
        },
      ],
    });
    const bytes = hex(
      '08 01', // field 1 format_version VARINT 1
      '12 1f', // field 2 state_requests LEN 31
      //          field 1 request_type ON_DEMAND = 0: default, not on the wire
      '12 02 71 31', //   field 2 request_id LEN 2 "q1"
      '18 e8 07', //   field 3 tunnel_id VARINT 1000
      '22 08 31 30 2e 30 2e 31 2e 35', //   field 4 source_ip LEN 8 "10.0.1.5"
      //                                      field 5 source_port 0: default
      '32 08 31 30 2e 30 2e 31 2e 36', //   field 6 destination_ip LEN 8 "10.0.1.6"
      '38 50', //   field 7 destination_port VARINT 80
      //          field 8 ethertype IPV4 = 0: default
      '48 02', //   field 9 protocol VARINT ICMP = 2
    );
    expect(toHex(HostRequest.encode(request).finish())).toBe(toHex(bytes));
    expect(HostRequest.decode(bytes)).toEqual(request);
  });

  it('HostRequestReply with a HostRequestOperationStatus', () => {
    const reply = HostRequestReply.fromPartial({
      formatVersion: 1,
      operationStatuses: [{ requestId: 'q1', operationStatus: OperationStatus.FAILURE }],
      totalOperationTime: 1500,
    });
    const bytes = hex(
      '08 01', // field 1 format_version VARINT 1
      '12 06 0a 02 71 31 10 01', // field 2 operation_statuses LEN 6 { request_id LEN 2 "q1", operation_status FAILURE = 1 }
      '18 dc 0b', // field 3 total_operation_time VARINT 1500 (0x5dc: 5c|80 = dc, 0x5dc >> 7 = 0x0b)
    );
    expect(toHex(HostRequestReply.encode(reply).finish())).toBe(toHex(bytes));
    expect(HostRequestReply.decode(bytes)).toEqual(reply);
  });

  it('GoalStateOperationReply with a GoalStateOperationStatus', () => {
    const reply = GoalStateOperationReply.fromPartial({
      formatVersion: 100,
      operationStatuses: [
        {
          resourceId: 'p1',
          resourceType: ResourceType.PORT,
          operationType: OperationType.CREATE,
          operationStatus: OperationStatus.SUCCESS,
          dataplaneProgrammingTime: 250,
          networkConfigurationTime: 40,
          stateElapseTime: 300,
        },
      ],
      messageTotalOperationTime: 300,
    });
    const bytes = hex(
      '08 64', // field 1 format_version VARINT 100
      '12 10', // field 2 operation_statuses LEN 16
      '0a 02 70 31', //   field 1 resource_id LEN 2 "p1"
      '10 02', //   field 2 resource_type VARINT PORT = 2
      '18 01', //   field 3 operation_type VARINT CREATE = 1
      //          field 4 operation_status SUCCESS = 0: default, not on the wire
      '28 fa 01', //   field 5 dataplane_programming_time VARINT 250 (0xfa: 7a|80 = fa, 250 >> 7 = 1)
      '30 28', //   field 6 network_configuration_time VARINT 40
      '38 ac 02', //   field 7 state_elapse_time VARINT 300 (0x12c: 2c|80 = ac, 300 >> 7 = 2)
      '18 ac 02', // field 3 message_total_operation_time VARINT 300
    );
    expect(toHex(GoalStateOperationReply.encode(reply).finish())).toBe(toHex(bytes));
    expect(GoalStateOperationReply.decode(bytes)).toEqual(reply);
  });

  it('NeighborRulesRequest keeps the misspelt neigborstates field at 3', () => {
    const request = NeighborRulesRequest.fromPartial({
      formatVersion: 1,
      requestId: 'a1',
      neigborstates: [{ operationType: OperationType.DELETE }],
    });
    const bytes = hex(
      '08 01', // field 1 format_version VARINT 1
      '12 02 61 31', // field 2 request_id LEN 2 "a1"
      '1a 02 08 04', // field 3 neigborstates LEN 2 { operation_type DELETE = 4 }
    );
    expect(toHex(NeighborRulesRequest.encode(request).finish())).toBe(toHex(bytes));
    expect(NeighborRulesRequest.decode(bytes)).toEqual(request);
    expect(NeighborRulesRequest.toJSON(request)).toHaveProperty('neigborstates');
  });
});

describe('GoalStateProvisioner grpc-js service definition', () => {
  it('has the exact upstream method paths and streaming kinds', () => {
    const methods = Object.values(GoalStateProvisionerService).map((m) => ({
      path: m.path,
      requestStream: m.requestStream,
      responseStream: m.responseStream,
    }));
    expect(methods).toEqual([
      { path: '/alcor.schema.GoalStateProvisioner/PushNetworkResourceStates', requestStream: false, responseStream: false },
      { path: '/alcor.schema.GoalStateProvisioner/PushGoalStatesStream', requestStream: true, responseStream: true },
      { path: '/alcor.schema.GoalStateProvisioner/RequestGoalStates', requestStream: false, responseStream: false },
      { path: '/alcor.schema.GoalStateProvisioner/PushGoalstates', requestStream: false, responseStream: false },
    ]);
  });

  it('serializes requests with the message codecs', () => {
    const bytes = GoalStateProvisionerService.requestGoalStates.requestSerialize(HostRequest.fromPartial({ formatVersion: 1 }));
    expect(toHex(bytes)).toBe('08 01');
    expect(GoalStateProvisionerClient.service).toBe(GoalStateProvisionerService);
  });
});
