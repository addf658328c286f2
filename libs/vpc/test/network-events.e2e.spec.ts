import { decodeJson, MESSAGE_BUS, MessageBus } from '@alcor/bus';
import { Network, ResourceEvent, TOPICS } from '@alcor/contracts';
import { OutboxEventEntity, Database } from '@alcor/persistence';
import { storeKinds, waitFor } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

/** The in-process bus always; Apache Pulsar too when a broker is up (required in CI). */
const buses: [string, Record<string, string>][] = [['memory', {}]];
if (process.env.PULSAR_WS_URL || process.env.CI === 'true') {
  buses.push(['pulsar', { BUS: 'pulsar', PULSAR_WS_URL: process.env.PULSAR_WS_URL ?? '', PULSAR_HTTP_URL: process.env.PULSAR_HTTP_URL ?? '' }]);
}
const cases = storeKinds().flatMap((kind) => buses.map(([bus, env]) => [kind, bus, env] as const));

describe.each(cases)('network change events on %s with the %s bus', (kind, _bus, busEnvironment) => {
  let f: VpcFixture;
  const events: ResourceEvent<Network>[] = [];

  beforeAll(async () => {
    f = await startVpcService(kind, busEnvironment);
    const bus = f.service.app.get<MessageBus>(MESSAGE_BUS);
    await bus.subscribe(TOPICS.networkEvents, `test-observer-${Date.now()}`, { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
      events.push(decodeJson(m) as ResourceEvent<Network>);
    });
  });
  afterAll(() => f?.service.close());

  it('publishes every committed change, in order, keyed by network, and nothing for a failed request', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'ev' } });
    const id = body.network.id;
    await f.api.put(`/v2.0/networks/${id}`, { network: { name: 'ev2' } });
    await f.api.put(`/v2.0/networks/${id}/tags/t1`);
    expect((await f.api.post('/v2.0/networks', { network: { name: 'bad', mtu: 99999 } })).status).toBe(400);
    await f.api.delete(`/v2.0/networks/${id}`);

    const mine = await waitFor(() => {
      const list = events.filter((e) => e.resourceId === id);
      return list.length >= 4 && list;
    }, 5000, 'four network events');
    expect(mine.map((e) => [e.type, e.revisionNumber])).toEqual([
      ['network.created', 1],
      ['network.updated', 2],
      ['network.updated', 3],
      ['network.deleted', 3],
    ]);
    expect(mine[1].data.name).toBe('ev2');
    expect(mine[2].data.tags).toEqual(['t1']);
    expect(events.some((e) => e.data.name === 'bad')).toBe(false);
    expect(new Set(mine.map((e) => e.eventId)).size).toBe(4);

    // Published rows leave the outbox.
    const database = f.service.app.get(Database);
    await waitFor(async () => (await database.read((em) => em.count(OutboxEventEntity))) === 0, 5000, 'an empty outbox');
  });
});
