import { storeKinds } from '@alcor/testing';
import { hostInfo, NeutronFault, NodeFixture, NodeInfo, nodeNames, startNodeService } from './node-service';

type Created = { host_infos: NodeInfo[] };

/** Alcor's machine file (services/node_manager test resource shape). */
const machineFile = (first: number, count: number) => JSON.stringify({ host_infos: Array.from({ length: count }, (_, i) => hostInfo(first + i)) });

describe.each(storeKinds())('bulk registration and machine-file upload on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => (f = await startNodeService(kind)));
  afterAll(() => f?.service.close());

  it('registers every node of {"host_infos": [...]} and answers them in order', async () => {
    const response = await f.api.post<Created>('/nodes/bulk', { host_infos: [hostInfo(1), hostInfo(2), hostInfo(3, { server_port: 8080 })] });
    expect(response.status).toBe(201);
    expect(response.body.host_infos.map((n) => [n.node_name, n.server_port])).toEqual([
      ['compute-1', 50001],
      ['compute-2', 50001],
      ['compute-3', 8080],
    ]);
    expect(await nodeNames(f.api)).toEqual(['compute-1', 'compute-2', 'compute-3']);
  });

  it('creates nothing when one item is invalid, duplicated in the request, or already registered', async () => {
    const before = await nodeNames(f.api);
    const bad = await f.api.post<NeutronFault>('/nodes/bulk', { host_infos: [hostInfo(10), hostInfo(11, { mac_address: 'zz:17:ac:c1:34:5d' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.NeutronError.type).toBe('InvalidInput');

    const twiceInRequest = await f.api.post<NeutronFault>('/nodes/bulk', { host_infos: [hostInfo(10), hostInfo(11), hostInfo(12, { node_name: 'compute-10' })] });
    expect(twiceInRequest.status).toBe(409);
    expect(twiceInRequest.body.NeutronError).toMatchObject({ type: 'NodeAlreadyExists', message: 'A node with node_name compute-10 already exists.' });

    const againstStore = await f.api.post<NeutronFault>('/nodes/bulk', { host_infos: [hostInfo(10), hostInfo(11, { local_ip: '10.213.0.2' })] });
    expect(againstStore.status).toBe(409);
    expect(againstStore.body.NeutronError.message).toBe('A node with local_ip 10.213.0.2 already exists.');

    const sameId = await f.api.post<NeutronFault>('/nodes/bulk', { host_infos: [hostInfo(10, { node_id: 'dup' }), hostInfo(11, { node_id: 'dup' })] });
    expect(sameId.status).toBe(409);
    expect(sameId.body.NeutronError.message).toBe('A node with node_id dup already exists.');

    expect(await nodeNames(f.api)).toEqual(before);
  });

  it('refuses an empty list or the wrong wrapper', async () => {
    expect((await f.api.post('/nodes/bulk', { host_infos: [] })).status).toBe(400);
    expect((await f.api.post('/nodes/bulk', { host_info: hostInfo(20) })).status).toBe(400);
    const single = await f.api.post<NeutronFault>('/nodes', { host_infos: [hostInfo(20)] });
    expect(single.status).toBe(400);
    expect(single.body.NeutronError.message).toBe('Use /nodes/bulk to register several nodes');
  });

  it('registers an uploaded machine file sent as multipart field "file", as Alcor’s curl -F file=@machine.json does', async () => {
    const form = new FormData();
    form.append('file', new Blob([machineFile(100, 3)], { type: 'application/json' }), 'machine.json');
    const response = await fetch(`${f.service.baseUrl}/nodes/upload`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Created;
    expect(body.host_infos.map((n) => n.node_name)).toEqual(['compute-100', 'compute-101', 'compute-102']);

    const noFile = new FormData();
    noFile.append('other', 'x');
    const missing = await fetch(`${f.service.baseUrl}/nodes/upload`, { method: 'POST', body: noFile });
    expect(missing.status).toBe(400);
  });

  it('takes the raw file as application/json or application/octet-stream too, atomically', async () => {
    const asJson = await f.api.post<Created>('/nodes/upload', machineFile(200, 2));
    expect(asJson.status).toBe(201);
    const octets = await fetch(`${f.service.baseUrl}/v4/nodes/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: machineFile(300, 2),
    });
    expect(octets.status).toBe(201);
    expect(await nodeNames(f.api)).toEqual(expect.arrayContaining(['compute-200', 'compute-201', 'compute-300', 'compute-301']));

    const before = await nodeNames(f.api);
    const clash = JSON.stringify({ host_infos: [hostInfo(400), hostInfo(401, { node_name: 'compute-300' })] });
    const refused = await fetch(`${f.service.baseUrl}/nodes/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: clash });
    expect(refused.status).toBe(409);
    const broken = await fetch(`${f.service.baseUrl}/nodes/upload`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: '{"host_infos": [' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as NeutronFault).NeutronError.message).toBe('Body contains invalid data');
    expect(await nodeNames(f.api)).toEqual(before);
  });

  it('keeps other routes JSON-only', async () => {
    const octets = await fetch(`${f.service.baseUrl}/nodes/bulk`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: machineFile(500, 1) });
    expect(octets.status).toBe(415);
    expect(((await octets.json()) as NeutronFault).NeutronError.type).toBe('HTTPUnsupportedMediaType');
  });

  it('registers a large machine file in one transaction', async () => {
    const response = await f.api.post<Created>('/nodes/upload', machineFile(1000, 1200));
    expect(response.status).toBe(201);
    expect(response.body.host_infos).toHaveLength(1200);
    const listed = await f.api.get<{ nodeInfos: NodeInfo[] }>('/nodes?fields=node_name');
    expect(listed.body.nodeInfos.filter((n) => /^compute-(1\d{3}|2[01]\d\d)$/.test(n.node_name))).toHaveLength(1200);
  });
});
