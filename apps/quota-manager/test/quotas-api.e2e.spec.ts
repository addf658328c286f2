import { NEUTRON_DEFAULT_QUOTAS } from '@alcor/quota';
import { storeKinds } from '@alcor/testing';
import { Body, NeutronFault, networkWithSubnet, overQuotaBody, QuotaFixture, startQuotaService } from './quota-fixture';

type Quota = Record<string, number>;
type Details = Record<string, { limit: number; used: number; reserved: number }>;

describe.each(storeKinds())('Neutron quotas API and enforcement on %s', (kind) => {
  let f: QuotaFixture;
  // QUOTA_SUBNET shows the env override of a default.
  beforeAll(async () => (f = await startQuotaService(kind, { QUOTA_SUBNET: 7 })), 60_000);
  afterAll(() => f?.service.close());

  const details = async (project: string) => (await f.admin.get<{ quota: Details }>(`/v2.0/quotas/${project}/details.json`)).body.quota;

  it("answers Neutron's defaults, with QUOTA_<RESOURCE> overrides, and registers the extensions", async () => {
    const expected = { ...NEUTRON_DEFAULT_QUOTAS, subnet: 7 };
    expect(expected).toEqual({ network: 100, subnet: 7, port: 500, router: 10, floatingip: 50, security_group: 10, security_group_rule: 100 });
    expect((await f.admin.get('/v2.0/quotas/fresh-project')).body).toEqual({ quota: expected });
    expect((await f.admin.get('/v2.0/quotas/fresh-project/default')).body).toEqual({ quota: expected });
    expect((await details('fresh-project')).port).toEqual({ limit: 500, used: 0, reserved: 0 });
    const aliases = (await f.admin.get<{ extensions: { alias: string }[] }>('/v2.0/extensions')).body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['quotas', 'quota_details']));
    expect((await f.tenant('p-any').get('/v2.0/quotas/project')).body).toEqual({ project: { project_id: 'p-any' } });
  });

  it('lets an admin set, list and reset limits; a project reads only its own', async () => {
    const set = await f.admin.put<{ quota: Quota }>('/v2.0/quotas/p-set', { quota: { network: 3, port: -1 } });
    expect(set.status).toBe(200);
    expect(set.body.quota).toMatchObject({ network: 3, port: -1, subnet: 7 });
    const listed = (await f.admin.get<{ quotas: (Quota & { project_id: string; tenant_id: string })[] }>('/v2.0/quotas')).body.quotas;
    expect(listed.find((q) => q.project_id === 'p-set')).toMatchObject({ network: 3, port: -1, router: 10, tenant_id: 'p-set' });
    expect(listed.some((q) => q.project_id === 'fresh-project')).toBe(false);

    const tenant = f.tenant('p-set');
    expect((await tenant.get<{ quota: Quota }>('/v2.0/quotas/p-set')).body.quota.network).toBe(3);
    expect((await tenant.get('/v2.0/quotas/p-set/details.json')).status).toBe(200);
    for (const denied of [
      await tenant.get('/v2.0/quotas/other-project'),
      await tenant.get('/v2.0/quotas/other-project/details.json'),
      await tenant.get('/v2.0/quotas'),
      await tenant.put('/v2.0/quotas/p-set', { quota: { network: 1000 } }),
      await tenant.delete('/v2.0/quotas/p-set'),
    ]) {
      expect(denied.status).toBe(403);
      expect((denied.body as unknown as NeutronFault).NeutronError.type).toBe('PolicyNotAuthorized');
    }
    expect((await f.tenant('p-set').put('/v2.0/quotas/p-set', { quota: { network: 1000 } })).body).toMatchObject({
      NeutronError: { message: 'rule:update_quota is disallowed by policy' },
    });

    expect((await f.admin.delete('/v2.0/quotas/p-set')).status).toBe(204);
    expect((await f.admin.get<{ quota: Quota }>('/v2.0/quotas/p-set')).body.quota.network).toBe(100);
    expect((await f.admin.get<{ quotas: { project_id: string }[] }>('/v2.0/quotas')).body.quotas.some((q) => q.project_id === 'p-set')).toBe(false);
  });

  it("refuses bad limits with Neutron's 400s", async () => {
    for (const body of [{ quota: { port: -2 } }, { quota: { port: 'many' } }, { quota: { ports: 1 } }, { quotas: { port: 1 } }]) {
      const res = await f.admin.put('/v2.0/quotas/p-bad', body);
      expect(res.status).toBe(400);
    }
    expect((await f.admin.put('/v2.0/quotas/p-bad', { quota: { bogus: 1 } })).body).toMatchObject({ NeutronError: { message: "Unrecognized attribute(s) 'bogus'" } });
    expect((await f.admin.post('/v2.0/quotas', { quota: {} })).status).toBe(501);
  });

  it('counts networks: over the limit is 409 OverQuota, a delete gives one back exactly once', async () => {
    await f.admin.put('/v2.0/quotas/p-net', { quota: { network: 2 } });
    const api = f.tenant('p-net');
    const a = await api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'a' } });
    expect((await api.post('/v2.0/networks', { network: { name: 'b' } })).status).toBe(201);
    const third = await api.post('/v2.0/networks', { network: { name: 'c' } });
    expect(third.status).toBe(409);
    expect(third.body).toEqual({ NeutronError: { ...overQuotaBody('network').NeutronError, detail: '' } });
    expect((await details('p-net')).network).toEqual({ limit: 2, used: 2, reserved: 0 });
    // Another project is not affected.
    expect((await f.tenant('p-other').post('/v2.0/networks', { network: { name: 'x' } })).status).toBe(201);

    const deletes = await Promise.all([api.delete(`/v2.0/networks/${a.body.network.id}`), api.delete(`/v2.0/networks/${a.body.network.id}`)]);
    expect(deletes.map((d) => d.status).sort()).toEqual([204, 404]);
    expect((await details('p-net')).network.used).toBe(1);
    expect((await api.post('/v2.0/networks', { network: { name: 'd' } })).status).toBe(201);
    expect((await api.post('/v2.0/networks', { network: { name: 'e' } })).status).toBe(409);
  });

  it('counts subnets; a refused subnet leaves no address range behind', async () => {
    await f.admin.put('/v2.0/quotas/p-sub', { quota: { subnet: 1 } });
    const api = f.tenant('p-sub');
    const { network, subnet } = await networkWithSubnet(api, '10.41.0.0/24');
    const refused = await api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.42.0.0/24' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject(overQuotaBody('subnet'));
    expect((await api.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${network.id}`)).body.subnets).toHaveLength(1);
    expect((await api.get<{ network: { subnets: string[] } }>(`/v2.0/networks/${network.id}`)).body.network.subnets).toEqual([subnet.id]);
    expect((await api.delete(`/v2.0/subnets/${subnet.id}`)).status).toBe(204);
    expect((await details('p-sub')).subnet.used).toBe(0);
    expect((await api.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.42.0.0/24' } })).status).toBe(201);
  });

  it('refuses a bulk create that would exceed the quota as a whole, creating nothing', async () => {
    await f.admin.put('/v2.0/quotas/p-bulk', { quota: { port: 3 } });
    const api = f.tenant('p-bulk');
    const { network, subnet } = await networkWithSubnet(api, '10.43.0.0/24');
    const four = await api.post('/v2.0/ports', { ports: Array.from({ length: 4 }, (_, i) => ({ network_id: network.id, name: `b${i}` })) });
    expect(four.status).toBe(409);
    expect(four.body).toMatchObject(overQuotaBody('port'));
    expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(0);
    expect((await f.admin.get<{ used_ips: number }>(`/ips/range/${subnet.id}`)).body.used_ips).toBe(0);
    expect((await details('p-bulk')).port.used).toBe(0);
    const three = await api.post<{ ports: Body[] }>('/v2.0/ports', { ports: Array.from({ length: 3 }, () => ({ network_id: network.id })) });
    expect(three.status).toBe(201);
    expect((await details('p-bulk')).port).toEqual({ limit: 3, used: 3, reserved: 0 });

    // Lowering a limit below usage is accepted (Neutron without check_limit); creates then fail.
    expect((await f.admin.put<{ quota: Quota }>('/v2.0/quotas/p-bulk', { quota: { port: 1 } })).body.quota.port).toBe(1);
    expect((await api.post('/v2.0/ports', { port: { network_id: network.id } })).status).toBe(409);
    const checked = await f.admin.put('/v2.0/quotas/p-bulk', { quota: { port: 2, check_limit: true } });
    expect(checked.status).toBe(400);
    expect(checked.body).toMatchObject({ NeutronError: { message: 'Quota limit 2 for port must be greater than or equal to already used 3' } });
    expect((await f.admin.get<{ quota: Quota }>('/v2.0/quotas/p-bulk')).body.quota.port).toBe(1);

    for (const port of three.body.ports) expect((await api.delete(`/v2.0/ports/${port.id}`)).status).toBe(204);
    expect((await details('p-bulk')).port.used).toBe(0);
  });

  it('serves the same quotas on Alcor’s /project/{pid}/quotas', async () => {
    expect((await f.admin.put<{ quota: Quota }>('/project/admin-project/quotas/p-alcor', { quota: { router: 4 } })).body.quota.router).toBe(4);
    expect((await f.admin.get<{ quota: Quota }>('/v2.0/quotas/p-alcor')).body.quota.router).toBe(4);
    expect((await f.tenant('p-alcor').get<{ quota: Details }>('/project/p-alcor/quotas/p-alcor/details.json')).body.quota.router).toEqual({ limit: 4, used: 0, reserved: 0 });
    expect((await f.tenant('p-alcor').get('/project/p-other/quotas/p-other')).status).toBe(403);
    expect((await f.tenant('p-alcor').post('/project/p-alcor/quota/apply', { applyId: 'x1', resourceDeltas: [] })).status).toBe(403);
    expect((await f.admin.delete('/project/admin-project/quotas/p-alcor')).status).toBe(204);
  });
});
