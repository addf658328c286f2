import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });

describe.each(storeKinds())('tenant isolation with trusted headers on %s', (kind) => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('shows a project only its own networks, plus shared ones; an admin sees all', async () => {
    const a = (await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'a-net' } }, as('proj-a'))).body.network;
    expect(a.project_id).toBe('proj-a');
    const shared = (
      await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'public', shared: true, project_id: 'ops' } }, as('ops', 'admin'))
    ).body.network;

    const seenByB = (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks', as('proj-b'))).body.networks.map((n) => n.name);
    expect(seenByB).toEqual(['public']);
    expect((await f.api.get(`/v2.0/networks/${a.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.put(`/v2.0/networks/${a.id}`, { network: { name: 'x' } }, as('proj-b'))).status).toBe(404);
    expect((await f.api.delete(`/v2.0/networks/${a.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.put(`/v2.0/networks/${shared.id}`, { network: { name: 'mine' } }, as('proj-b'))).status).toBe(403);

    const all = (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks', as('ops', 'admin'))).body.networks.map((n) => n.name);
    expect(all.sort()).toEqual(['a-net', 'public']);
  });

  it('lets only an admin set provider attributes or create for another project', async () => {
    const provider = await f.api.post('/v2.0/networks', { network: { 'provider:network_type': 'vlan' } }, as('proj-a'));
    expect(provider.status).toBe(403);
    const sharedByMember = await f.api.post('/v2.0/networks', { network: { shared: true } }, as('proj-a'));
    expect(sharedByMember.status).toBe(403);
    const other = await f.api.post('/v2.0/networks', { network: { project_id: 'proj-b' } }, as('proj-a'));
    expect(other.status).toBe(400);
    expect((await f.api.post('/v2.0/networks', { network: { project_id: 'proj-b' } }, as('x', 'admin'))).status).toBe(201);
  });

  it('requires a project header', async () => {
    const anonymous = await f.api.get('/v2.0/networks');
    expect(anonymous.status).toBe(401);
    expect((await f.api.get('/healthz')).status).toBe(200);
  });
});
