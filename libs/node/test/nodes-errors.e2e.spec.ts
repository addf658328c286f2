import { storeKinds } from '@alcor/testing';
import { hostInfo, NeutronFault, NodeFixture, NodeInfo, nodeNames, startNodeService } from './node-service';

describe.each(storeKinds())('node validation and conflicts on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => (f = await startNodeService(kind)));
  afterAll(() => f?.service.close());

  it.each([
    ['local_ip', '10.1', "Invalid input for operation: '10.1' is not a valid IP address."],
    ['local_ip', '1.2.3.256', "Invalid input for operation: '1.2.3.256' is not a valid IP address."],
    ['local_ip', 'fe80::1%eth0', "Invalid input for operation: 'fe80::1%eth0' is not a valid IP address."],
    ['mac_address', '90:17:ac:c1:34', "Invalid input for operation: '90:17:ac:c1:34' is not a valid MAC address."],
    ['mac_address', '90:17-ac:c1:34:5d', "Invalid input for operation: '90:17-ac:c1:34:5d' is not a valid MAC address."],
    ['mac_address', '00:00:00:00:00:00', "Invalid input for operation: '00:00:00:00:00:00' is not a valid MAC address."],
    ['host_dvr_mac', 'nope', "Invalid input for operation: 'nope' is not a valid MAC address."],
    ['node_id', 'has space', "Invalid input for operation: 'has space' is not a valid node id."],
    ['node_id', 'x'.repeat(256), expect.stringContaining('is not a valid node id.')],
    ['server_port', 70000, "Invalid input for operation: '70000' is not in range 1 through 65535."],
    ['node_name', '', "Invalid input for operation: '' is not a valid node name."],
  ])('refuses %s %p with 400 InvalidInput and stores nothing', async (attribute, value, message) => {
    const response = await f.api.post<NeutronFault>('/nodes', { host_info: hostInfo(1, { [attribute]: value }) });
    expect(response.status).toBe(400);
    expect(response.body.NeutronError).toEqual({ type: 'InvalidInput', message, detail: '' });
    expect(await nodeNames(f.api)).toEqual([]);
  });

  it('requires node_name, local_ip and mac_address, and refuses unknown attributes', async () => {
    for (const required of ['node_name', 'local_ip', 'mac_address']) {
      const item = hostInfo(1);
      delete item[required];
      const response = await f.api.post<NeutronFault>('/nodes', { host_info: item });
      expect(response.status).toBe(400);
      expect(response.body.NeutronError.message).toBe(`Failed to parse request. Required attribute '${required}' not specified`);
    }
    const unknown = await f.api.post<NeutronFault>('/nodes', { host_info: hostInfo(1, { unicast_topic: 't' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.NeutronError.message).toBe("Unrecognized attribute(s) 'unicast_topic'");
    expect((await f.api.post('/nodes', '{"host_info": ')).status).toBe(400);
    expect(await nodeNames(f.api)).toEqual([]);
  });

  it('answers 409 NodeAlreadyExists for a second node with the same id, name or IP (any spelling)', async () => {
    const first = (await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(5, { node_id: 'n5', local_ip: 'fd00::5' }) })).body.host_info;
    const cases: [Record<string, unknown>, string][] = [
      [hostInfo(6, { node_id: 'n5' }), 'A node with node_id n5 already exists.'],
      [hostInfo(6, { node_name: 'compute-5' }), 'A node with node_name compute-5 already exists.'],
      [hostInfo(6, { local_ip: 'FD00:0:0::5' }), 'A node with local_ip fd00::5 already exists.'],
    ];
    for (const [item, message] of cases) {
      const response = await f.api.post<NeutronFault>('/nodes', { host_info: item });
      expect(response.status).toBe(409);
      expect(response.body.NeutronError).toEqual({ type: 'NodeAlreadyExists', message, detail: '' });
    }
    // A shared MAC is not a conflict: Alcor indexes it without making it unique.
    expect((await f.api.post('/nodes', { host_info: hostInfo(6, { mac_address: first.mac_address }) })).status).toBe(201);
    expect(await nodeNames(f.api)).toEqual(['compute-5', 'compute-6']);
  });

  it('refuses an update to another node’s name or IP and changes nothing', async () => {
    const six = (await f.api.get<{ nodeInfos: NodeInfo[] }>('/nodes?node_name=compute-6')).body.nodeInfos[0];
    const byName = await f.api.put<NeutronFault>(`/nodes/${six.node_id}`, { host_info: { node_name: 'compute-5', veth: 'eth7' } });
    expect(byName.status).toBe(409);
    expect(byName.body.NeutronError.type).toBe('NodeAlreadyExists');
    const byIp = await f.api.put<NeutronFault>(`/nodes/${six.node_id}`, { host_info: { local_ip: 'fd00::5' } });
    expect(byIp.status).toBe(409);
    const badMac = await f.api.put<NeutronFault>(`/nodes/${six.node_id}`, { host_info: { mac_address: 'bad' } });
    expect(badMac.status).toBe(400);
    expect((await f.api.get<{ host_info: NodeInfo }>(`/nodes/${six.node_id}`)).body.host_info).toEqual(six);
  });
});
