import { storeKinds } from '@alcor/testing';
import { hostInfo, NeutronFault, NodeFixture, NodeInfo, startNodeService } from './node-service';

const as = (project: string, roles: string) => ({ 'x-project-id': project, 'x-roles': roles });
const admin = as('ops', 'admin');
const member = as('proj-a', 'member');

describe.each(storeKinds())('nodes are for cloud admins only (trusted headers) on %s', (kind) => {
  let f: NodeFixture;
  beforeAll(async () => (f = await startNodeService(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('refuses every read and write of a non-admin with 403 PolicyNotAuthorized, changing nothing', async () => {
    const node = (await f.api.post<{ host_info: NodeInfo }>('/nodes', { host_info: hostInfo(1) }, admin)).body.host_info;
    expect(node.node_name).toBe('compute-1');
    const attempts: [string, Promise<{ status: number; body: NeutronFault }>][] = [
      ['create_node', f.api.post<NeutronFault>('/nodes', { host_info: hostInfo(2) }, member)],
      ['create_node', f.api.post<NeutronFault>('/nodes/bulk', { host_infos: [hostInfo(3)] }, member)],
      ['create_node', f.api.post<NeutronFault>('/nodes/upload', { host_infos: [hostInfo(4)] }, member)],
      ['get_node', f.api.get<NeutronFault>('/nodes', member)],
      ['get_node', f.api.get<NeutronFault>(`/nodes/${node.node_id}`, member)],
      ['update_node', f.api.put<NeutronFault>(`/nodes/${node.node_id}`, { host_info: { veth: 'x' } }, member)],
      ['delete_node', f.api.delete<NeutronFault>(`/nodes/${node.node_id}`, member)],
    ];
    for (const [rule, attempt] of attempts) {
      const response = await attempt;
      expect(response.status).toBe(403);
      expect(response.body.NeutronError).toEqual({ type: 'PolicyNotAuthorized', message: `(rule:${rule}) is disallowed by policy`, detail: '' });
    }
    const all = (await f.api.get<{ nodeInfos: NodeInfo[] }>('/nodes', admin)).body.nodeInfos;
    expect(all).toEqual([node]);
  });

  it('asks for credentials first', async () => {
    expect((await f.api.get('/nodes')).status).toBe(401);
  });
});
