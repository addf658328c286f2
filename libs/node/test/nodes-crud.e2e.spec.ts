import { storeKinds } from '@alcor/testing';
import { hostInfo, NeutronFault, NodeFixture, NodeInfo, nodeNames, startNodeService } from './node-service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(storeKinds())('node CRUD on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => (f = await startNodeService(kind)));
  afterAll(() => f?.service.close());

  it('registers a node with Alcor’s field names and defaults, canonical IP and MAC', async () => {
    const created = await f.api.post<{ host_info: NodeInfo }>('/nodes', {
      host_info: { node_name: 'compute1', local_ip: '2001:DB8::0:1', mac_address: '90-17-AC-C1-34-5D' },
    });
    expect(created.status).toBe(201);
    const node = created.body.host_info;
    expect(node).toEqual({
      node_id: expect.stringMatching(UUID),
      node_name: 'compute1',
      local_ip: '2001:db8::1',
      mac_address: '90:17:ac:c1:34:5d',
      veth: '',
      server_port: 50001,
      host_dvr_mac: null,
      ncm_id: null,
      revision_number: 1,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: node.created_at,
    });
    const shown = await f.api.get<{ host_info: NodeInfo }>(`/nodes/${node.node_id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.host_info).toEqual(node);
  });

  it('keeps a caller-chosen node id as given, and serves Alcor’s /v4 alias', async () => {
    const id = 'c2b79aca-316e-4ce8-a8ac-815e2de1f129';
    const created = await f.api.post<{ host_info: NodeInfo }>('/v4/nodes', {
      host_info: { node_id: id, node_name: 'compute9', local_ip: '10.213.43.150', mac_address: '90:17:ac:c1:34:5d', veth: 'eth1', server_port: 8080, ncm_id: 'ncm-1', host_dvr_mac: 'FE:16:11:00:00:01' },
    });
    expect(created.status).toBe(201);
    expect(created.body.host_info).toMatchObject({ node_id: id, server_port: 8080, ncm_id: 'ncm-1', host_dvr_mac: 'fe:16:11:00:00:01', veth: 'eth1' });
    const host = await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(77, { node_id: 'host-77.rack:2_a' }) });
    expect(host.body.host_info.node_id).toBe('host-77.rack:2_a');
    expect((await f.api.get<{ host_info: NodeInfo }>('/v4/nodes/host-77.rack:2_a')).body.host_info.node_name).toBe('compute-77');
  });

  it('updates only the attributes given, bumps the revision and honours If-Match', async () => {
    const { body } = await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(1) });
    const id = body.host_info.node_id;
    const updated = await f.api.put<{ host_info: NodeInfo }>(`/nodes/${id}`, { host_info: { local_ip: '10.99.0.1', ncm_id: 'ncm-2', node_id: id } });
    expect(updated.status).toBe(200);
    expect(updated.body.host_info).toMatchObject({ node_id: id, node_name: 'compute-1', local_ip: '10.99.0.1', ncm_id: 'ncm-2', veth: 'eth1', revision_number: 2 });

    const unchanged = await f.api.put<{ host_info: NodeInfo }>(`/nodes/${id}`, { host_info: { ncm_id: 'ncm-2' } });
    expect(unchanged.body.host_info.revision_number).toBe(2);

    const stale = await f.api.put<NeutronFault>(`/nodes/${id}`, { host_info: { veth: 'eth9' } }, { 'if-match': 'revision_number=1' });
    expect(stale.status).toBe(412);
    expect(stale.body.NeutronError.type).toBe('RevisionNumberConstraintFailed');
    const fresh = await f.api.put<{ host_info: NodeInfo }>(`/nodes/${id}`, { host_info: { veth: 'eth9' } }, { 'if-match': 'revision_number=2' });
    expect(fresh.body.host_info).toMatchObject({ veth: 'eth9', revision_number: 3 });

    const otherId = await f.api.put<NeutronFault>(`/nodes/${id}`, { host_info: { node_id: 'someone-else' } });
    expect(otherId.status).toBe(400);
    const readOnly = await f.api.put<NeutronFault>(`/nodes/${id}`, { host_info: { revision_number: 9 } });
    expect(readOnly.status).toBe(400);
    expect((await f.api.get<{ host_info: NodeInfo }>(`/nodes/${id}`)).body.host_info.veth).toBe('eth9');
  });

  it('deletes a node, answering {"node_id": id}; then it is gone', async () => {
    const { body } = await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(2) });
    const id = body.host_info.node_id;
    const deleted = await f.api.delete(`/nodes/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ node_id: id });
    expect(await nodeNames(f.api)).not.toContain('compute-2');
    for (const missing of [f.api.get<NeutronFault>(`/nodes/${id}`), f.api.put<NeutronFault>(`/nodes/${id}`, { host_info: { veth: 'x' } }), f.api.delete<NeutronFault>(`/nodes/${id}`)]) {
      const response = await missing;
      expect(response.status).toBe(404);
      expect(response.body.NeutronError).toEqual({ type: 'NodeNotFound', message: `Node ${id} could not be found.`, detail: '' });
    }
    // The name and IP are free again.
    expect((await f.api.post('/nodes', { host_info: hostInfo(2) })).status).toBe(201);
  });

  it('shows only the requested fields', async () => {
    const { body } = await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(3) });
    const shown = await f.api.get(`/nodes/${body.host_info.node_id}?fields=node_name&fields=local_ip`);
    expect(shown.body).toEqual({ host_info: { node_name: 'compute-3', local_ip: '10.213.0.3' } });
  });
});
