import { storeKinds } from '@alcor/testing';
import { Body, NeutronFault, networkWithSubnet, QuotaFixture, startQuotaService } from './quota-fixture';

/** The limit holds at any concurrency: usage is a row updated conditionally in each port's transaction. */
describe.each(storeKinds())('quota under concurrent creates and deletes on %s', (kind) => {
  let f: QuotaFixture;
  beforeAll(async () => (f = await startQuotaService(kind)), 60_000);
  afterAll(() => f?.service.close());

  const portUsage = async (project: string) =>
    (await f.admin.get<{ quota: { port: { used: number } } }>(`/v2.0/quotas/${project}/details.json`)).body.quota.port.used;

  it('lets exactly 10 of 100 concurrent port creates through a quota of 10; deletes give each back once', async () => {
    await f.admin.put('/v2.0/quotas/p-race', { quota: { port: 10 } });
    const api = f.tenant('p-race');
    const { network, subnet } = await networkWithSubnet(api, '10.60.0.0/24');
    const attempts = await Promise.all(Array.from({ length: 100 }, (_, i) => api.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, name: `r${i}` } })));
    const created = attempts.filter((r) => r.status === 201).map((r) => r.body.port);
    expect(created).toHaveLength(10);
    const refused = attempts.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && (r.body as unknown as NeutronFault).NeutronError.type === 'OverQuota')).toBe(true);
    expect(await portUsage('p-race')).toBe(10);
    expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(10);
    // The refused creates left no address behind.
    expect((await f.admin.get<{ used_ips: number }>(`/ips/range/${subnet.id}`)).body.used_ips).toBe(10);

    const deletes = await Promise.all(created.flatMap((p) => [api.delete(`/v2.0/ports/${p.id}`), api.delete(`/v2.0/ports/${p.id}`)]));
    expect(deletes.filter((r) => r.status === 204)).toHaveLength(10);
    expect(deletes.filter((r) => r.status === 404)).toHaveLength(10);
    expect(await portUsage('p-race')).toBe(0);

    const again = await Promise.all(Array.from({ length: 30 }, () => api.post('/v2.0/ports', { port: { network_id: network.id } })));
    expect(again.filter((r) => r.status === 201)).toHaveLength(10);
    expect(await portUsage('p-race')).toBe(10);
  }, 120_000);

  it('admits concurrent bulks whole or not at all', async () => {
    await f.admin.put('/v2.0/quotas/p-bulks', { quota: { port: 10 } });
    const api = f.tenant('p-bulks');
    const { network } = await networkWithSubnet(api, '10.61.0.0/24');
    const bulks = await Promise.all(Array.from({ length: 10 }, () => api.post('/v2.0/ports', { ports: [1, 2, 3].map(() => ({ network_id: network.id })) })));
    expect(bulks.filter((r) => r.status === 201)).toHaveLength(3);
    expect(bulks.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(9);
    expect(await portUsage('p-bulks')).toBe(9);
  }, 120_000);
});
