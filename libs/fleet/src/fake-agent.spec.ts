import { credentials, Metadata } from '@grpc/grpc-js';
import { SOUTHBOUND_HEADERS } from '@alcor/contracts';
import { GoalStateOperationReply, GoalStateProvisionerClient, GoalStateV2, OperationStatus, OperationType, ResourceType } from '@alcor/proto';
import { Fleet } from './fleet';

const portGs = (ids: string[], op = OperationType.CREATE) =>
  GoalStateV2.fromPartial({ formatVersion: 102, portStates: Object.fromEntries(ids.map((id) => [id, { operationType: op, configuration: { id } }])) });

describe('simulated fleet', () => {
  let fleet: Fleet;
  let client: GoalStateProvisionerClient;

  beforeAll(async () => {
    fleet = await Fleet.start(3, { prefix: 'spec', block: 31 });
    const a = fleet.agents[0];
    client = new GoalStateProvisionerClient(`${a.ip}:${a.port}`, credentials.createInsecure());
  });
  afterAll(async () => {
    client?.close();
    await fleet?.stop();
  });

  const push = (gs: GoalStateV2, generation: number, kind = 'delta', deadlineMs = 2000) =>
    new Promise<GoalStateOperationReply>((resolve, reject) => {
      const metadata = new Metadata();
      metadata.set(SOUTHBOUND_HEADERS.generation, String(generation));
      metadata.set(SOUTHBOUND_HEADERS.pushKind, kind);
      const call = client.pushGoalStatesStream(metadata, { deadline: Date.now() + deadlineMs });
      call.on('data', (r: GoalStateOperationReply) => resolve(r));
      call.on('error', reject);
      call.write(gs);
      call.end();
    });

  it('registers each agent on its own loopback address', () => {
    const infos = fleet.hostInfos();
    expect(new Set(infos.map((i) => i['local_ip'])).size).toBe(3);
    expect(infos[0]).toMatchObject({ node_name: 'spec-host-0', node_id: 'spec-node-0', local_ip: '127.31.0.1', server_port: fleet.agents[0].port });
  });

  it('applies by generation, replaces on FULL, and acks every port with its status', async () => {
    const agent = fleet.agents[0];
    agent.failResource('p2');
    const reply = await push(portGs(['p1', 'p2']), 1);
    expect(reply.operationStatuses.map((s) => [s.resourceId, s.resourceType, s.operationStatus])).toEqual([
      ['p1', ResourceType.PORT, OperationStatus.SUCCESS],
      ['p2', ResourceType.PORT, OperationStatus.FAILURE],
    ]);
    // An older generation is acknowledged but not applied.
    await push(portGs(['p1'], OperationType.DELETE), 1);
    expect(agent.state.ids('portStates')).toEqual(['p1', 'p2']);
    await push(portGs(['p3']), 2, 'full');
    expect(agent.state.ids('portStates')).toEqual(['p3']);
    expect(agent.appliedGeneration).toBe(2);
    agent.clearFailures();
  });

  it('falls silent: the sender hits its deadline, and nothing is applied', async () => {
    const agent = fleet.agents[0];
    agent.setSilent(true);
    await expect(push(portGs(['p9']), 3, 'delta', 200)).rejects.toMatchObject({ code: 4 }); // DEADLINE_EXCEEDED
    expect(agent.state.has('portStates', 'p9')).toBe(false);
    agent.setSilent(false);
  });
});
