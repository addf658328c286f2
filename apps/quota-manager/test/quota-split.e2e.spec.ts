import { apiClient, createTestStore, ServiceProcess, spawnService, storeKinds, TestStore } from '@alcor/testing';

const postgres = storeKinds().includes('postgres');

/** Split mode: each manager its own process; the network, subnet and port managers count through the quota manager over REST. */
(postgres ? describe : describe.skip)('quotas enforced across processes (split mode) on PostgreSQL', () => {
  let store: TestStore;
  const processes: ServiceProcess[] = [];
  let urls: Record<string, string>;

  beforeAll(async () => {
    store = await createTestStore('postgres');
    const db = { DATABASE_URL: store.databaseUrl, DATA_DIR: 'memory://' };
    const [quota, ipam, mac, node, sg] = await Promise.all(
      ['quota-manager', 'private-ip-manager', 'mac-manager', 'node-manager', 'security-group-manager'].map((app) =>
        spawnService(app, { ...db, QUOTA_PORT: '2', QUOTA_NETWORK: '1' }),
      ),
    );
    processes.push(quota, ipam, mac, node, sg);
    urls = { QUOTA_MANAGER_URL: quota.baseUrl, IP_MANAGER_URL: ipam.baseUrl, MAC_MANAGER_URL: mac.baseUrl, NODE_MANAGER_URL: node.baseUrl, SG_MANAGER_URL: sg.baseUrl };
    const vpc = await spawnService('vpc-manager', { ...db, ...urls });
    processes.push(vpc);
    urls.VPC_MANAGER_URL = vpc.baseUrl;
    const subnet = await spawnService('subnet-manager', { ...db, ...urls });
    processes.push(subnet);
    urls.SUBNET_MANAGER_URL = subnet.baseUrl;
    const port = await spawnService('port-manager', { ...db, ...urls });
    processes.push(port);
    urls.PORT_MANAGER_URL = port.baseUrl;
  }, 240_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await store?.dispose();
  });

  it('refuses creates over the limit with OverQuota and gives deletes back, each manager through the quota manager', async () => {
    const usage = async () => (await apiClient(urls.QUOTA_MANAGER_URL).get<{ quota: Record<string, { used: number }> }>('/v2.0/quotas/fake_project_id/details.json')).body.quota;
    const network = await apiClient(urls.VPC_MANAGER_URL).post<{ network: { id: string } }>('/v2.0/networks', { network: { name: 'split-q' } });
    expect(network.status).toBe(201);
    expect((await apiClient(urls.VPC_MANAGER_URL).post('/v2.0/networks', { network: { name: 'second' } })).body).toMatchObject({
      NeutronError: { type: 'OverQuota', message: "Quota exceeded for resources: ['network']." },
    });
    const networkId = network.body.network.id;
    expect((await apiClient(urls.SUBNET_MANAGER_URL).post('/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr: '10.70.0.0/24' } })).status).toBe(201);
    const ports = apiClient(urls.PORT_MANAGER_URL);
    const three = await ports.post('/v2.0/ports', { ports: [1, 2, 3].map(() => ({ network_id: networkId })) });
    expect(three.body).toMatchObject({ NeutronError: { type: 'OverQuota' } });
    expect((await ports.get<{ ports: unknown[] }>(`/v2.0/ports?network_id=${networkId}`)).body.ports).toHaveLength(0);
    const two = await ports.post<{ ports: { id: string }[] }>('/v2.0/ports', { ports: [1, 2].map(() => ({ network_id: networkId })) });
    expect(two.status).toBe(201);
    expect(await usage()).toMatchObject({ network: { used: 1 }, subnet: { used: 1 }, port: { used: 2 } });
    expect((await ports.delete(`/v2.0/ports/${two.body.ports[0].id}`)).status).toBe(204);
    expect((await usage()).port.used).toBe(1);
  }, 120_000);
});
