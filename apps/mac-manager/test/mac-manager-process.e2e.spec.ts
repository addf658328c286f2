import { randomUUID } from 'node:crypto';
import { RestMacAllocator } from '@alcor/mac';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

/** The MAC manager as its own process, as `nx serve mac-manager` runs it, used by a REST client. */
describe.each(storeKinds())('mac-manager process on %s', (kind) => {
  let store: TestStore;
  let service: ServiceProcess;

  beforeAll(async () => {
    store = await createTestStore(kind);
    service = await spawnService('mac-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl, MAC_OUI: '02:ab:cd' });
    // Starting a process from TypeScript sources takes seconds more on a loaded 2-core machine.
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
    await store?.dispose();
  });

  it('allocates and releases for a remote caller, with Neutron errors carried back', async () => {
    const allocator = new RestMacAllocator(service.baseUrl);
    const network = randomUUID();
    const [generated, chosen] = await allocator.allocate([
      { networkId: network, portId: randomUUID(), projectId: 'p1' },
      { networkId: network, portId: randomUUID(), projectId: 'p1', macAddress: '02:ab:cd:00:00:01' },
    ]);
    expect(generated.macAddress).toMatch(/^02:ab:cd(:[0-9a-f]{2}){3}$/);
    expect(chosen.macAddress).toBe('02:ab:cd:00:00:01');
    await expect(allocator.allocate([{ networkId: network, portId: 'x', projectId: 'p1', macAddress: '02:ab:cd:00:00:01' }])).rejects.toMatchObject({
      status: 409,
      type: 'MacAddressInUse',
    });
    await allocator.release([{ networkId: network, macAddress: chosen.macAddress }]);
    const api = apiClient(service.baseUrl);
    expect((await api.get(`/macs/${chosen.macAddress}?vpc_id=${network}`)).status).toBe(404);
    expect((await api.get(`/macs/${generated.macAddress}?vpc_id=${network}`)).status).toBe(200);
    expect((await api.get('/macs/ranges/range0')).body).toEqual({ mac_range: { range_id: 'range0', from: '02:ab:cd:00:00:00', to: '02:ab:cd:ff:ff:ff', state: 'Active' } });
  });
});
