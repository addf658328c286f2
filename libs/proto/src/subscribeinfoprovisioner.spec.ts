import {
  NodeSubscribeInfo,
  OperationStatus,
  SubscribeInfoProvisionerClient,
  SubscribeInfoProvisionerService,
  SubscribeOperation,
  SubscribeOperationReply,
} from './index';
import { hex, toHex } from './testing/golden';

describe('subscribeinfoprovisioner.proto golden bytes', () => {
  it('NodeSubscribeInfo', () => {
    const info = NodeSubscribeInfo.fromPartial({
      subscribeOperation: SubscribeOperation.Unsubscribe,
      topic: 'vpc-v1',
      key: '172.16.0.2',
    });
    const bytes = hex(
      '08 01', // field 1 subscribe_operation VARINT Unsubscribe = 1
      '12 06 76 70 63 2d 76 31', // field 2 topic LEN 6 "vpc-v1"
      '1a 0a 31 37 32 2e 31 36 2e 30 2e 32', // field 3 key LEN 10 "172.16.0.2"
    );
    expect(toHex(NodeSubscribeInfo.encode(info).finish())).toBe(toHex(bytes));
    expect(NodeSubscribeInfo.decode(bytes)).toEqual(info);
    expect(NodeSubscribeInfo.toJSON(info)).toEqual({ subscribeOperation: 'Unsubscribe', topic: 'vpc-v1', key: '172.16.0.2' });
  });

  it('SubscribeOperationReply keeps the camelCase operationStatus field at 1', () => {
    const reply = SubscribeOperationReply.fromPartial({ operationStatus: OperationStatus.FAILURE });
    const bytes = hex('08 01'); // field 1 operationStatus VARINT FAILURE = 1
    expect(toHex(SubscribeOperationReply.encode(reply).finish())).toBe(toHex(bytes));
    expect(SubscribeOperationReply.decode(bytes)).toEqual(reply);
  });

  it('has the exact upstream method path', () => {
    const m = SubscribeInfoProvisionerService.pushNodeSubscribeInfo;
    expect([m.path, m.requestStream, m.responseStream]).toEqual([
      '/alcor.schema.SubscribeInfoProvisioner/PushNodeSubscribeInfo',
      false,
      false,
    ]);
    expect(Object.keys(SubscribeInfoProvisionerService)).toEqual(['pushNodeSubscribeInfo']);
    expect(SubscribeInfoProvisionerClient.service).toBe(SubscribeInfoProvisionerService);
  });
});
