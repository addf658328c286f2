import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { ResourceEvent, TOPICS } from '@alcor/contracts';
import { Database, OutboxEventEntity } from '@alcor/persistence';
import { storeKinds, waitFor } from '@alcor/testing';
import { hostInfo, NodeFixture, NodeInfo, startNodeService } from './node-service';

describe.each(storeKinds())('node change events on %s', (kind) => {
  let f: NodeFixture;
  const events: ResourceEvent<NodeInfo>[] = [];

  beforeAll(async () => {
    f = await startNodeService(kind);
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    await bus.subscribe(TOPICS.nodeEvents, 'test-observer', { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
      events.push(decodeJson(m) as ResourceEvent<NodeInfo>);
    });
  });
  afterAll(() => f?.service.close());

  it('publishes created/updated/deleted in order, keyed by node, and nothing for a failed request', async () => {
    const { body } = await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(1) });
    const id = body.host_info.node_id;
    await f.api.put(`/nodes/${id}`, { host_info: { ncm_id: 'ncm-1' } });
    expect((await f.api.post('/nodes/bulk', { host_infos: [hostInfo(2), hostInfo(3, { local_ip: 'bad' })] })).status).toBe(400);
    expect((await f.api.post('/nodes/bulk', { host_infos: [hostInfo(4), hostInfo(5, { node_name: 'compute-1' })] })).status).toBe(409);
    await f.api.delete(`/nodes/${id}`);

    const mine = await waitFor(() => {
      const list = events.filter((e) => e.resourceId === id);
      return list.length >= 3 && list;
    }, 5000, 'three node events');
    expect(mine.map((e) => [e.type, e.revisionNumber])).toEqual([
      ['node.created', 1],
      ['node.updated', 2],
      ['node.deleted', 2],
    ]);
    expect(mine[0]).toMatchObject({ schemaVersion: 1, resource: 'node', projectId: '', data: { node_name: 'compute-1', local_ip: '10.213.0.1' } });
    expect(mine[1].data.ncm_id).toBe('ncm-1');
    expect(events.some((e) => ['compute-2', 'compute-4'].includes(e.data.node_name))).toBe(false);

    const database = f.service.app.get(Database);
    await waitFor(async () => (await database.read((em) => em.count(OutboxEventEntity))) === 0, 5000, 'an empty outbox');
  });

  it('announces each node of a bulk registration', async () => {
    const { body } = await f.api.post<{ host_infos: NodeInfo[] }>('/nodes/bulk', { host_infos: [hostInfo(10), hostInfo(11)] });
    const ids = body.host_infos.map((n) => n.node_id);
    const created = await waitFor(() => {
      const list = events.filter((e) => ids.includes(e.resourceId) && e.type === 'node.created');
      return list.length === 2 && list;
    }, 5000, 'two node.created events');
    expect(created.map((e) => e.data.node_name).sort()).toEqual(['compute-10', 'compute-11']);
  });
});
