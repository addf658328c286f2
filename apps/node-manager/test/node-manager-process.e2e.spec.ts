import { apiClient, ServiceProcess, spawnService } from '@alcor/testing';

type NodeInfo = { node_id: string; node_name: string; local_ip: string };

/** `nx serve node-manager` as an operator runs it: its own process, Alcor's machine-file workflow. */
describe('node-manager process', () => {
  let service: ServiceProcess | undefined;
  // Booting a process from TypeScript sources takes seconds, more on a loaded CI machine.
  beforeAll(async () => (service = await spawnService('node-manager', { DATA_DIR: 'memory://', DATABASE_URL: undefined })), 60_000);
  afterAll(() => service?.stop('SIGTERM'));

  it('registers an uploaded machine file and answers the port manager’s host lookup', async () => {
    if (!service) throw new Error('node-manager did not start');
    const form = new FormData();
    const file = { host_infos: [1, 2].map((n) => ({ node_name: `compute${n}`, local_ip: `10.0.0.${n}`, mac_address: `90:17:ac:c1:34:0${n}`, veth: 'eth1' })) };
    form.append('file', new Blob([JSON.stringify(file)]), 'machine.json');
    const uploaded = await fetch(`${service.baseUrl}/nodes/upload`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);

    const api = apiClient(service.baseUrl);
    const found = await api.get<{ nodeInfos: NodeInfo[] }>('/nodes?node_name=compute2');
    expect(found.body.nodeInfos.map((n) => [n.node_name, n.local_ip])).toEqual([['compute2', '10.0.0.2']]);
    const doc = await api.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/nodes', '/nodes/bulk', '/nodes/upload', '/nodes/{nodeId}', '/ncms']));
  });

  it('stops cleanly on SIGTERM', async () => {
    await service?.stop('SIGTERM');
    expect(service?.child.exitCode === 0 || service?.child.signalCode === 'SIGTERM').toBe(true);
    service = undefined;
  });
});
