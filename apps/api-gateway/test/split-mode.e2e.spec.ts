import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

type NetworkBody = { id: string; name: string };

/** Split mode: the VPC manager and the gateway as separate processes, as `nx serve` runs them. */
describe.each(storeKinds())('api-gateway in front of a separate vpc-manager on %s', (kind) => {
  let store: TestStore;
  let vpc: ServiceProcess;
  let gateway: ServiceProcess;

  beforeAll(async () => {
    store = await createTestStore(kind);
    vpc = await spawnService('vpc-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl });
    gateway = await spawnService('api-gateway', { VPC_MANAGER_URL: vpc.baseUrl }, '/healthz');
  }, 120_000);
  afterAll(async () => {
    await gateway?.stop();
    await vpc?.stop();
    await store?.dispose();
  });

  it('routes /v2.0/networks to the VPC manager, bodies, statuses and errors intact', async () => {
    const api = apiClient(gateway.baseUrl);
    const created = await api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'via-gateway' } });
    expect(created.status).toBe(201);
    const id = created.body.network.id;
    expect((await apiClient(vpc.baseUrl).get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network.name).toBe('via-gateway');
    expect((await api.get<{ networks: NetworkBody[] }>('/v2.0/networks?name=via-gateway')).body.networks).toHaveLength(1);
    const bad = await api.post('/v2.0/networks', '{"network":');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest' } });
    expect((await api.delete(`/v2.0/networks/${id}`)).status).toBe(204);
    expect((await api.get(`/v2.0/networks/${id}`)).body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } });
  });

  it('answers the root documents itself, with the managers’ extensions', async () => {
    const api = apiClient(gateway.baseUrl);
    expect((await api.get<{ versions: { id: string }[] }>('/')).body.versions[0].id).toBe('v2.0');
    const aliases = (await api.get<{ extensions: { alias: string }[] }>('/v2.0/extensions')).body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['network', 'provider', 'pagination']));
    // No port manager runs in this test: the gateway says so instead of pretending.
    const unreachable = await api.get('/v2.0/ports');
    expect(unreachable.status).toBe(503);
    expect(unreachable.body).toMatchObject({ NeutronError: { type: 'ServiceUnavailable' } });
    expect((await api.get('/v2.0/routers')).status).toBe(503);
    // A collection nobody serves is Neutron's 404, not a proxy error.
    expect((await api.get('/v2.0/network-acls')).body).toMatchObject({ NeutronError: { type: 'HTTPNotFound' } });
    expect((await api.get('/readyz')).status).toBe(503);
  });
});
