// End-to-end check that the generated grpc-js definitions work with @grpc/grpc-js over loopback:
// one GoalStateV2 per PushGoalStatesStream call, one GoalStateOperationReply back (southbound §3.5).
import { Server, ServerCredentials, credentials, type ServerDuplexStream } from '@grpc/grpc-js';
import {
  GOAL_STATE_V2_FORMAT_VERSION,
  GoalStateOperationReply,
  GoalStateProvisionerClient,
  GoalStateProvisionerService,
  GoalStateV2,
  OperationStatus,
  OperationType,
  ResourceType,
  type GoalStateProvisionerServer,
} from './index';

describe('GoalStateProvisioner over grpc-js (loopback)', () => {
  let server: Server;
  let client: GoalStateProvisionerClient;
  const received: GoalStateV2[] = [];

  beforeAll(async () => {
    server = new Server();
    const impl: Partial<GoalStateProvisionerServer> = {
      pushGoalStatesStream: (call: ServerDuplexStream<GoalStateV2, GoalStateOperationReply>) => {
        call.once('data', (gs: GoalStateV2) => {
          received.push(gs);
          call.write(
            GoalStateOperationReply.fromPartial({
              formatVersion: gs.formatVersion,
              operationStatuses: Object.keys(gs.subnetStates).map((id) => ({
                resourceId: id,
                resourceType: ResourceType.SUBNET,
                operationType: OperationType.CREATE,
                operationStatus: OperationStatus.SUCCESS,
              })),
            }),
          );
          call.end();
        });
      },
    };
    server.addService(GoalStateProvisionerService, impl as GoalStateProvisionerServer);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    client = new GoalStateProvisionerClient(`127.0.0.1:${port}`, credentials.createInsecure());
  });

  afterAll(() => {
    client?.close();
    server?.forceShutdown();
  });

  it('pushes one GoalStateV2 on a bidi stream and reads one reply', async () => {
    const replies: GoalStateOperationReply[] = [];
    await new Promise<void>((resolve, reject) => {
      const call = client.pushGoalStatesStream();
      call.on('data', (r: GoalStateOperationReply) => replies.push(r));
      call.on('error', reject);
      call.on('end', () => resolve());
      call.write(
        GoalStateV2.fromPartial({
          formatVersion: GOAL_STATE_V2_FORMAT_VERSION,
          subnetStates: { s1: { operationType: OperationType.CREATE, configuration: { id: 's1', tunnelId: 2n ** 40n } } },
        }),
      );
      call.end();
    });
    expect(received).toHaveLength(1);
    expect(received[0]?.subnetStates['s1']?.configuration?.tunnelId).toBe(1099511627776n);
    expect(replies).toEqual([
      GoalStateOperationReply.fromPartial({
        formatVersion: 102,
        operationStatuses: [{ resourceId: 's1', resourceType: ResourceType.SUBNET, operationType: OperationType.CREATE }],
      }),
    ]);
  });
});
