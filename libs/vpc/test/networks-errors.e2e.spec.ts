import { storeKinds } from '@alcor/testing';
import { NetworkBody, startVpcService, VpcFixture } from './vpc-service';

describe.each(storeKinds())('Neutron network input errors on %s', (kind) => {
  let f: VpcFixture;
  beforeAll(async () => (f = await startVpcService(kind, { API_MAX_BODY_BYTES: 4096, VNI_RANGES: '1:3' })));
  afterAll(() => f?.service.close());

  const count = async () => (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks')).body.networks.length;

  const cases: [string, unknown, number, Record<string, string>][] = [
    ['truncated JSON', '{"network": {"name": "x"', 400, { type: 'HTTPBadRequest', message: 'Body contains invalid data' }],
    ['a JSON array', '[1,2]', 400, { type: 'HTTPBadRequest', message: 'Body contains invalid data' }],
    ['an empty body', '', 400, { type: 'HTTPBadRequest', message: 'Body contains invalid data' }],
    ['a __proto__ key', '{"network": {"name": "x", "__proto__": {"admin_state_up": false}}}', 400, { type: 'HTTPBadRequest', message: 'Body contains invalid data' }],
    ['an unknown attribute', { network: { name: 'x', bogus_attribute: 1 } }, 400, { type: 'HTTPBadRequest', message: "Unrecognized attribute(s) 'bogus_attribute'" }],
    ['a wrong type', { network: { admin_state_up: 'maybe' } }, 400, { type: 'InvalidInput', message: "Invalid input for operation: 'maybe' cannot be converted to boolean." }],
    ['a too long name', { network: { name: 'n'.repeat(256) } }, 400, { type: 'InvalidInput' }],
    ['a read-only attribute', { network: { status: 'DOWN' } }, 400, { type: 'HTTPBadRequest', message: "Attribute 'status' not allowed in POST" }],
    ['no resource key', { netwrk: {} }, 400, { type: 'HTTPBadRequest', message: "Unable to find 'network' in request body" }],
    ['an empty bulk list', { networks: [] }, 400, { type: 'HTTPBadRequest' }],
    ['mismatched project ids', { network: { project_id: 'a', tenant_id: 'b' } }, 400, { type: 'HTTPBadRequest' }],
    ['an invalid project id', { network: { project_id: 'has space' } }, 400, { type: 'InvalidInput' }],
    ['an unsupported network type', { network: { 'provider:network_type': 'token-ring' } }, 400, { type: 'InvalidInput' }],
    ['a VLAN id out of range', { network: { 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 5000 } }, 400, { type: 'InvalidInput' }],
    ['an unknown VLAN physnet', { network: { 'provider:network_type': 'vlan', 'provider:physical_network': 'nope' } }, 400, { type: 'InvalidInput' }],
    ['a flat network with an id', { network: { 'provider:network_type': 'flat', 'provider:physical_network': 'p', 'provider:segmentation_id': 3 } }, 400, { type: 'InvalidInput' }],
    ['an MTU above the overlay limit', { network: { mtu: 1500 } }, 400, { type: 'InvalidInput' }],
    ['an oversized body', { network: { name: 'x', description: 'd'.repeat(5000) } }, 413, { type: 'HTTPRequestEntityTooLarge' }],
  ];

  it.each(cases)('answers %s with a Neutron error and creates nothing', async (_label, body, status, error) => {
    const before = await count();
    const res = await f.api.post('/v2.0/networks', body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ NeutronError: { ...error, detail: '' } });
    expect(await count()).toBe(before);
  });

  it('refuses read-only and unknown attributes on update and changes nothing', async () => {
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'keep' } });
    const id = body.network.id;
    const readOnly = await f.api.put(`/v2.0/networks/${id}`, { network: { 'provider:segmentation_id': 7 } });
    expect(readOnly.body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest', message: 'Cannot update read-only attribute provider:segmentation_id' } });
    expect((await f.api.put(`/v2.0/networks/${id}`, { network: { name: 'y', nope: 1 } })).status).toBe(400);
    expect((await f.api.put(`/v2.0/networks/${id}`, '{bad')).status).toBe(400);
    expect((await f.api.put(`/v2.0/networks/${id}`, { network: { name: 'y' } }, { 'if-match': 'garbage' })).status).toBe(400);
    const after = (await f.api.get<{ network: NetworkBody }>(`/v2.0/networks/${id}`)).body.network;
    expect(after).toMatchObject({ name: 'keep', revision_number: 1 });
    await f.api.delete(`/v2.0/networks/${id}`);
  });

  it('detects segment conflicts and exhaustion, and reuses freed segments', async () => {
    const vlan = { 'provider:network_type': 'vlan', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': 120 };
    expect((await f.api.post('/v2.0/networks', { network: vlan })).status).toBe(201);
    expect((await f.api.post('/v2.0/networks', { network: vlan })).body).toMatchObject({ NeutronError: { type: 'VlanIdInUse' } });
    const flat = { 'provider:network_type': 'flat', 'provider:physical_network': 'physnet9' };
    expect((await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: flat })).body.network).toMatchObject({
      'provider:network_type': 'flat',
      'provider:physical_network': 'physnet9',
      'provider:segmentation_id': null,
      mtu: 1500,
    });
    expect((await f.api.post('/v2.0/networks', { network: flat })).body).toMatchObject({ NeutronError: { type: 'FlatNetworkInUse' } });

    // VNI_RANGES=1:3 for this suite: three tenant networks fit, the fourth does not.
    const vnis: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: `t${i}` } });
      expect(res.status).toBe(201);
      vnis.push(res.body.network['provider:segmentation_id'] as number);
    }
    expect(vnis.sort()).toEqual([1, 2, 3]);
    const full = await f.api.post('/v2.0/networks', { network: { name: 'one too many' } });
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ NeutronError: { type: 'NoNetworkAvailable' } });
    const taken = await f.api.post('/v2.0/networks', { network: { 'provider:network_type': 'vxlan', 'provider:segmentation_id': 2 } });
    expect(taken.body).toMatchObject({ NeutronError: { type: 'TunnelIdInUse' } });

    const t1 = (await f.api.get<{ networks: NetworkBody[] }>('/v2.0/networks?name=t1')).body.networks[0];
    await f.api.delete(`/v2.0/networks/${t1.id}`);
    const again = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: { name: 'reuse' } });
    expect(again.body.network['provider:segmentation_id']).toBe(t1['provider:segmentation_id']);
  });

  it('ignores an empty body sent with Content-Type: application/json on GET and DELETE, as Neutron does', async () => {
    // A flat network: this suite's three VNIs may all be taken by the time this runs.
    const flat = { name: 'empty-body', 'provider:network_type': 'flat', 'provider:physical_network': 'physnet-empty-body' };
    const { body } = await f.api.post<{ network: NetworkBody }>('/v2.0/networks', { network: flat });
    const json = { 'content-type': 'application/json' };
    expect((await f.api.get(`/v2.0/networks/${body.network.id}`, json)).status).toBe(200);
    const deleted = await f.api.delete(`/v2.0/networks/${body.network.id}`, json);
    expect(deleted.status).toBe(204);
    expect((await f.api.get(`/v2.0/networks/${body.network.id}`)).status).toBe(404);
  });

  it('answers unknown paths and methods with Neutron errors', async () => {
    const subnets = await f.api.get('/v2.0/subnets');
    expect(subnets.status).toBe(404);
    expect(subnets.body).toMatchObject({ NeutronError: { type: 'HTTPNotFound' } });
    expect((await f.api.get('/v2.0/networks/not-a-uuid')).body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } });
  });
});
