import { storeKinds } from '@alcor/testing';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });

/**
 * Concurrent updates and deletes are group-committed: a batch that holds one refused request rolls
 * back and every request in it goes again alone, so each caller still gets its own answer.
 */
describe.each(storeKinds())('concurrent port updates and deletes on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('answers each delete on its own: 204s, a foreign 404, a service-port 409 and an If-Match 412 in one burst', async () => {
    const network = async (project: string) => {
      const net = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: project } }, as(project))).body.network;
      const subnet = (await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.40.0.0/24' } }, as(project))).body.subnet;
      return { net, subnet };
    };
    const port = async (project: string, networkId: string, extra: Record<string, unknown> = {}) => {
      const created = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: networkId, ...extra } }, as(project));
      expect(created.status).toBe(201);
      return created.body.port;
    };
    const a = await network('del-a');
    const b = await network('del-b');
    const plain = await Promise.all(Array.from({ length: 10 }, (_, i) => port('del-a', a.net.id, i === 0 ? { mac_address: 'fa:16:3e:aa:bb:01' } : {})));
    const service = await port('del-a', a.net.id, { device_owner: 'network:router_interface' });
    const guarded = await port('del-a', a.net.id);
    const foreign = await port('del-b', b.net.id);

    const answers = await Promise.all([
      ...plain.map((p) => f.api.delete(`/v2.0/ports/${p.id}`, as('del-a'))),
      f.api.delete(`/v2.0/ports/${foreign.id}`, as('del-a')),
      f.api.delete(`/v2.0/ports/${service.id}`, as('del-a')),
      f.api.delete(`/v2.0/ports/${guarded.id}`, { ...as('del-a'), 'if-match': 'revision_number=99' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([...plain.map(() => 204), 404, 409, 412]);
    expect(answers[11].body).toMatchObject({ NeutronError: { type: 'ServicePortInUse' } });

    const left = async (project: string) => (await f.api.get<{ ports: PortBody[] }>('/v2.0/ports', as(project))).body.ports.map((p) => p.id).sort();
    expect(await left('del-a')).toEqual([service.id, guarded.id].sort());
    expect(await left('del-b')).toEqual([foreign.id]);
    // Freed exactly once: two addresses held, quota usage two, the given MAC free for a new port.
    expect((await f.api.get<{ used_ips: number }>(`/ips/range/${a.subnet.id}`, as('ops', 'admin'))).body.used_ips).toBe(2);
    expect((await f.api.get<{ quota: { port: { used: number } } }>('/v2.0/quotas/del-a/details.json', as('ops', 'admin'))).body.quota.port.used).toBe(2);
    expect((await port('del-a', a.net.id, { mac_address: 'fa:16:3e:aa:bb:01' })).mac_address).toBe('fa:16:3e:aa:bb:01');
  });

  it('applies concurrent updates of one port in turn, and answers a foreign 404 and a wrong If-Match 412 on their own', async () => {
    const net = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'upd' } }, as('upd-a'))).body.network;
    await f.api.post('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.41.0.0/24' } }, as('upd-a'));
    const create = async (project: string, networkId: string) => (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: networkId } }, as(project))).body.port;
    const shared = await create('upd-a', net.id);
    const others = await Promise.all(Array.from({ length: 4 }, () => create('upd-a', net.id)));
    const otherNet = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'upd-b' } }, as('upd-b'))).body.network;
    const foreign = await create('upd-b', otherNet.id);

    const answers = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => f.api.put<{ port: PortBody }>(`/v2.0/ports/${shared.id}`, { port: { name: `n${i}` } }, as('upd-a'))),
      ...others.map((p) => f.api.put<{ port: PortBody }>(`/v2.0/ports/${p.id}`, { port: { description: 'batched' } }, as('upd-a'))),
      f.api.put<{ port: PortBody }>(`/v2.0/ports/${foreign.id}`, { port: { name: 'stolen' } }, as('upd-a')),
      f.api.put<{ port: PortBody }>(`/v2.0/ports/${others[0].id}`, { port: { name: 'stale' } }, { ...as('upd-a'), 'if-match': 'revision_number=99' }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([...Array(8).fill(200), ...others.map(() => 200), 404, 412]);
    // Each of the eight saw the one before: revisions 2..9, once each, and the last name stays.
    const revisions = answers.slice(0, 8).map((r) => r.body.port.revision_number).sort((x, y) => x - y);
    expect(revisions).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    const last = answers.slice(0, 8).find((r) => r.body.port.revision_number === 9);
    const stored = (await f.api.get<{ port: PortBody }>(`/v2.0/ports/${shared.id}`, as('upd-a'))).body.port;
    expect(stored).toMatchObject({ revision_number: 9, name: last?.body.port.name });
    for (const p of others) expect((await f.api.get<{ port: PortBody }>(`/v2.0/ports/${p.id}`, as('upd-a'))).body.port).toMatchObject({ description: 'batched', revision_number: 2 });
    expect((await f.api.get<{ port: PortBody }>(`/v2.0/ports/${foreign.id}`, as('upd-b'))).body.port.name).toBe('');
  });
});
