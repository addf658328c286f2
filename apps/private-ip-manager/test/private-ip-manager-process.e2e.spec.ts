import { randomUUID } from 'node:crypto';
import { RestIpAllocator } from '@alcor/ipam';
import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

/** The Private IP manager as its own process (`nx serve private-ip-manager`), used over REST. */
describe.each(storeKinds())('private-ip-manager process on %s', (kind) => {
  let store: TestStore;
  let pim: ServiceProcess;

  beforeAll(async () => {
    store = await createTestStore(kind);
    pim = await spawnService('private-ip-manager', { DATA_DIR: 'memory://', DATABASE_URL: store.databaseUrl });
  }, 120_000);
  afterAll(async () => {
    await pim?.stop();
    await store?.dispose();
  });

  it('serves the IpAllocator contract and Alcor’s /ips API', async () => {
    const ipam = new RestIpAllocator(pim.baseUrl);
    const subnetId = randomUUID();
    const networkId = randomUUID();
    await ipam.createRange({ subnetId, networkId, projectId: 'p', ipVersion: 4, cidr: '10.9.0.0/30', gatewayIp: '10.9.0.1', allocationPools: [{ start: '10.9.0.2', end: '10.9.0.2' }] });
    expect(await ipam.allocate([{ subnetId, portId: randomUUID() }])).toEqual([{ subnetId, portId: expect.any(String), ipAddress: '10.9.0.2' }]);
    await expect(ipam.allocate([{ subnetId, portId: randomUUID() }])).rejects.toMatchObject({
      status: 409,
      type: 'IpAddressGenerationFailure',
      message: `No more IP addresses available on network ${networkId}.`,
    });
    expect((await apiClient(pim.baseUrl).get(`/ips/range/${subnetId}`)).body).toMatchObject({ id: subnetId, used_ips: 1, total_ips: 1 });
  });
});
