import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

describe.each(storeKinds())('Neutron networks CRUD on %s', (kind) => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService(kind)));
  afterAll(() => f?.service.close());

  it('creates a network with Neutron defaults and a VXLAN segment', async () => {
    const res = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'net1' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
    const n = res.body.network;
    expect(n).toMatchObject({
      name: 'net1',
      description: '',
      admin_state_up: true,
      status: 'ACTIVE',
      shared: false,
      'router:external': false,
      mtu: 1450,
      port_security_enabled: true,
      'provider:network_type': 'vxlan',
      'provider:physical_network': null,
      subnets: [],
      tags: [],
      revision_number: 1,
      project_id: 'fake_project_id',
      tenant_id: 'fake_project_id',
    });
    expect(n.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(n['provider:segmentation_id']).toEqual(expect.any(Number));
    expect(n.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('reads, updates with revision bumps, and deletes', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'a', mtu: 1400 } });
    const id = body.network.id;
    expect(body.network.mtu).toBe(1400);
    expect((await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network.name).toBe('a');

    const updated = await f.api.put<{ network: NetworkBody }>(`/v2.0/networks/${id}`, { network: { name: 'b', admin_state_up: false } });
    expect(updated.status).toBe(200);
    expect(updated.body.network).toMatchObject({ name: 'b', admin_state_up: false, revision_number: 2 });

    const noop = await f.api.put<{ network: NetworkBody }>(`/v2.0/networks/${id}`, { network: { name: 'b' } });
    expect(noop.body.network.revision_number).toBe(2);

    const deleted = await f.api.delete(`/v2.0/networks/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    const gone = await f.api.get(`/v2.0/networks/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      NeutronError: { type: 'NetworkNotFound', message: `Network ${id} could not be found.`, detail: '' },
    });
    expect((await f.api.delete(`/v2.0/networks/${id}`)).status).toBe(404);
  });

  it('honours If-Match: revision_number on update and delete', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'rev' } });
    const id = body.network.id;
    const stale = await f.api.put(`/v2.0/networks/${id}`, { network: { name: 'x' } }, { 'if-match': 'revision_number=999' });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({
      NeutronError: { type: 'RevisionNumberConstraintFailed', message: 'Constrained to 999, but current revision is 1', detail: '' },
    });
    expect((await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network.name).toBe('rev');
    const ok = await f.api.put<{ network: NetworkBody }>(`/v2.0/networks/${id}`, { network: { name: 'x' } }, { 'if-match': 'revision_number=1' });
    expect(ok.body.network.revision_number).toBe(2);
    expect((await f.api.delete(`/v2.0/networks/${id}`, { 'if-match': 'revision_number=1' })).status).toBe(412);
    expect((await f.api.delete(`/v2.0/networks/${id}`, { 'if-match': 'revision_number=2' })).status).toBe(204);
  });

  it('creates networks in bulk, atomically', async () => {
    const before = (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks')).body.networks.length;
    const bad = await f.api.post('/v2.0/networks', { networks: [{ name: 'ok1' }, { name: 'ok2' }, { name: 'bad', admin_state_up: 'maybe' }] });
    expect(bad.status).toBe(400);
    const conflicting = await f.api.post('/v2.0/networks', {
      networks: [
        { name: 'v1', 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 150 },
        { name: 'v2', 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 150 },
      ],
    });
    expect(conflicting.status).toBe(409);
    expect((await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks')).body.networks).toHaveLength(before);

    const good = await f.api.post<{ networks: NetworkBody[] }>('/v2.0/networks', { networks: [{ name: 'b1' }, { name: 'b2' }] });
    expect(good.status).toBe(201);
    expect(good.body.networks.map((n) => n.name)).toEqual(['b1', 'b2']);
    expect(new Set(good.body.networks.map((n) => n['provider:segmentation_id'])).size).toBe(2);
  });

  it('manages tags and filters by them', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'tagged', tags: ['red'] } });
    const id = body.network.id;
    expect((await f.api.put(`/v2.0/networks/${id}/tags`, { tags: ['red', 'blue'] })).body).toEqual({ tags: ['red', 'blue'] });
    expect((await f.api.put(`/v2.0/networks/${id}/tags/green`)).status).toBe(201);
    expect((await f.api.get(`/v2.0/networks/${id}/tags/green`)).status).toBe(204);
    expect((await f.api.get(`/v2.0/networks/${id}/tags/absent`)).status).toBe(404);
    expect((await f.api.delete(`/v2.0/networks/${id}/tags/blue`)).status).toBe(204);
    expect((await f.api.get(`/v2.0/networks/${id}/tags`)).body).toEqual({ tags: ['red', 'green'] });

    const names = async (q: string) =>
      (await f.api.get<{ networks: NetworkBody[] }>(`/v2.0/networks?${q}`)).body.networks.map((n) => n.name);
    expect(await names('tags=red,green')).toEqual(['tagged']);
    expect(await names('tags=red,blue')).toEqual([]);
    expect(await names('tags-any=blue,green')).toEqual(['tagged']);
    expect(await names('not-tags=red&name=tagged')).toEqual([]);
    expect(await names('not-tags-any=blue&name=tagged')).toEqual(['tagged']);

    expect((await f.api.delete(`/v2.0/networks/${id}/tags`)).status).toBe(204);
    const after = (await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network;
    expect(after.tags).toEqual([]);
    expect(after.revision_number).toBeGreaterThan(1);
    expect((await f.api.put(`/v2.0/networks/${id}/tags`, { tags: ['a,b'] })).status).toBe(400);
  });
});
