import { randomUUID } from 'node:crypto';
import { RestRouterClient } from '@alcor/contracts';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

/** The route manager as its own process, as `nx serve route-manager` runs it. */
describe.each(storeKinds())('route-manager process on %s', (kind) => {
  let store: TestStore;
  let service: ServiceProcess;

  beforeAll(async () => {
    store = await createTestStore(kind);
    service = await spawnService('route-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl });
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await store?.dispose();
  });

  it('serves routers on both APIs, its extensions and the floating-IP manager’s router lookup', async () => {
    const api = apiClient(service.baseUrl);
    const created = await api.post<{ router: { id: string; project_id: string } }>('/v2.0/routers', { router: { name: 'alone' } });
    expect(created.status).toBe(201);
    const { id, project_id: project } = created.body.router;
    expect((await api.get<{ routers: { id: string }[] }>(`/project/${project}/routers`)).body.routers.map((r) => r.id)).toEqual([id]);
    const aliases = (await api.get<{ extensions: { alias: string }[] }>('/v2.0/extensions')).body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['router', 'extraroute', 'extraroute-atomic', 'ext-gw-mode']));
    expect(await new RestRouterClient(service.baseUrl).routerForFloatingIp(randomUUID(), randomUUID())).toBeUndefined();
    expect((await api.delete(`/v2.0/routers/${id}`)).status).toBe(204);
    expect(((await api.get<{ paths: Record<string, unknown> }>('/openapi.json')).body.paths)['/v2.0/routers/{id}/add_router_interface']).toBeDefined();
  });
});
