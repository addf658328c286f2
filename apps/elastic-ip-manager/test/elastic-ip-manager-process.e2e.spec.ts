import { randomUUID } from 'node:crypto';
import { RestFloatingIpClient } from '@alcor/contracts';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

/** The elastic-IP manager as its own process, as `nx serve elastic-ip-manager` runs it. */
describe.each(storeKinds())('elastic-ip-manager process on %s', (kind) => {
  let store: TestStore;
  let service: ServiceProcess;

  beforeAll(async () => {
    store = await createTestStore(kind);
    service = await spawnService('elastic-ip-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl });
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await store?.dispose();
  });

  it('serves floating IPs, elastic IPs and the internal calls of the route and port managers', async () => {
    const api = apiClient(service.baseUrl);
    expect((await api.get('/v2.0/floatingips')).body).toEqual({ floatingips: [] });
    expect((await api.get('/project/p1/elasticips')).body).toEqual({ elasticips: [] });
    const missing = await api.get(`/v2.0/floatingips/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect((missing.body as { NeutronError: { type: string } }).NeutronError.type).toBe('FloatingIPNotFound');
    const client = new RestFloatingIpClient(service.baseUrl);
    expect(await client.countByRouter(randomUUID())).toBe(0);
    await expect(client.portsDeleting([{ id: randomUUID() } as Parameters<RestFloatingIpClient['portsDeleting']>[0][number]])).resolves.toBeUndefined();
  });
});
