import { storeKinds } from '@alcor/testing';
import { externalNetwork, faultOf, FipBody, routedNetwork, RouterBody } from './l3-fixture';
import { networkWithSubnet, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('floating IPs on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { QUOTA_ROUTER: 100, QUOTA_FLOATINGIP: 500 })));
  afterAll(() => f?.service.close());

  const usedIps = async (subnetId: string) => (await f.api.get<{ used_ips: number }>(`/ips/range/${subnetId}`)).body.used_ips;
  const newPort = async (networkId: string, extra: Record<string, unknown> = {}) =>
    (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: networkId, ...extra } })).body.port;

  it('allocates from the external subnet through a network:floatingip port and frees the address exactly once', async () => {
    const ext = await externalNetwork(f.api, '203.0.113.0/24');
    const created = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } });
    expect(created.status).toBe(201);
    const fip = created.body.floatingip;
    expect(fip).toMatchObject({ floating_network_id: ext.network.id, port_id: null, fixed_ip_address: null, router_id: null, status: 'DOWN', revision_number: 0, tags: [] });
    expect(fip.floating_ip_address).toMatch(/^203\.0\.113\.\d+$/);
    const holders = (await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${fip.id}`)).body.ports;
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatchObject({ device_owner: 'network:floatingip', fixed_ips: [{ subnet_id: ext.subnet.id, ip_address: fip.floating_ip_address }] });
    expect((await f.api.delete(`/v2.0/ports/${holders[0].id}`)).status).toBe(409);
    expect(await usedIps(ext.subnet.id)).toBe(1);

    const explicit = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id, floating_ip_address: '203.0.113.77' } });
    expect(explicit.body.floatingip.floating_ip_address).toBe('203.0.113.77');
    const taken = await f.api.post('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id, floating_ip_address: '203.0.113.77' } });
    expect(taken.status).toBe(409);
    expect(faultOf(taken.body).type).toBe('IpAddressAlreadyAllocated');
    expect(await usedIps(ext.subnet.id)).toBe(2);

    expect((await f.api.get<{ floatingips: FipBody[] }>(`/v2.0/floatingips?floating_ip_address=203.0.113.77&fields=id`)).body.floatingips).toEqual([{ id: explicit.body.floatingip.id }]);
    const deletes = await Promise.all([f.api.delete(`/v2.0/floatingips/${fip.id}`), f.api.delete(`/v2.0/floatingips/${fip.id}`)]);
    expect(deletes.map((r) => r.status).sort()).toEqual([204, 404]);
    expect(faultOf(deletes.find((r) => r.status === 404)?.body)).toMatchObject({ type: 'FloatingIPNotFound', message: `Floating IP ${fip.id} could not be found` });
    expect(await usedIps(ext.subnet.id)).toBe(1);
    expect((await f.api.get(`/v2.0/ports/${holders[0].id}`)).status).toBe(404);
    expect((await f.api.delete(`/v2.0/floatingips/${explicit.body.floatingip.id}`)).status).toBe(204);
    expect(await usedIps(ext.subnet.id)).toBe(0);
  });

  it('refuses a network that is not external', async () => {
    const { network } = await networkWithSubnet(f.api, '10.70.0.0/24');
    const res = await f.api.post('/v2.0/floatingips', { floatingip: { floating_network_id: network.id } });
    expect(res.status).toBe(400);
    expect(faultOf(res.body)).toMatchObject({ type: 'BadRequest', message: `Bad floatingip request: Network ${network.id} is not a valid external network.` });
    expect((await f.api.post('/v2.0/floatingips', { floatingip: {} })).status).toBe(400);
  });

  it('associates only through a router whose gateway is on the floating network; disassociates; moves to another port', async () => {
    const ext = await externalNetwork(f.api, '198.18.0.0/24');
    const { network: lonely } = await networkWithSubnet(f.api, '10.71.0.0/24');
    const fip = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })).body.floatingip;
    const unreachablePort = await newPort(lonely.id);
    const unreachable = await f.api.put(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: unreachablePort.id } });
    expect(unreachable.status).toBe(404);
    expect(faultOf(unreachable.body)).toMatchObject({
      type: 'ExternalGatewayForFloatingIPNotFound',
      message: `External network ${ext.network.id} is not reachable from subnet ${unreachablePort.fixed_ips[0].subnet_id}.  Therefore, cannot associate Port ${unreachablePort.id} with a Floating IP.`,
    });

    const { network, router } = await routedNetwork(f.api, '10.72.0.0/24', ext.network.id);
    const vm = await newPort(network.id);
    const associated = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: vm.id } });
    expect(associated.status).toBe(200);
    expect(associated.body.floatingip).toMatchObject({ port_id: vm.id, fixed_ip_address: vm.fixed_ips[0].ip_address, router_id: router.id, revision_number: 1 });
    expect((await f.api.get<{ floatingips: FipBody[] }>(`/v2.0/floatingips?port_id=${vm.id}`)).body.floatingips.map((x) => x.id)).toEqual([fip.id]);

    // The router now serves the floating IP: its gateway and the interface cannot go.
    const gw = await f.api.put(`/v2.0/routers/${router.id}`, { router: { external_gateway_info: null } });
    expect(gw.status).toBe(409);
    expect(faultOf(gw.body).type).toBe('RouterExternalGatewayInUseByFloatingIp');
    const subnetId = vm.fixed_ips[0].subnet_id;
    const iface = await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnetId });
    expect(iface.status).toBe(409);
    expect(faultOf(iface.body).type).toBe('RouterInterfaceInUseByFloatingIP');

    const second = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })).body.floatingip;
    const twice = await f.api.put(`/v2.0/floatingips/${second.id}`, { floatingip: { port_id: vm.id } });
    expect(twice.status).toBe(409);
    expect(faultOf(twice.body)).toMatchObject({
      type: 'FloatingIPPortAlreadyAssociated',
      message: `Cannot associate floating IP ${second.floating_ip_address} (${second.id}) with port ${vm.id} using fixed IP ${vm.fixed_ips[0].ip_address}, as that fixed IP already has a floating IP on external network ${ext.network.id}.`,
    });
    expect((await f.api.put(`/v2.0/floatingips/${second.id}`, { floatingip: { fixed_ip_address: '10.72.0.50' } })).status).toBe(400);

    const other = await newPort(network.id);
    const moved = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: other.id } });
    expect(moved.body.floatingip).toMatchObject({ port_id: other.id, fixed_ip_address: other.fixed_ips[0].ip_address });
    const off = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: null } });
    expect(off.body.floatingip).toMatchObject({ port_id: null, fixed_ip_address: null, router_id: null });
    expect((await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnetId })).status).toBe(200);
  });

  it('asks for fixed_ip_address when the port has several IPv4 addresses and checks it belongs to the port', async () => {
    const ext = await externalNetwork(f.api, '198.19.0.0/24');
    const { network, subnet } = await routedNetwork(f.api, '10.73.0.0/24', ext.network.id);
    const multi = await newPort(network.id, { fixed_ips: [{ subnet_id: subnet.id }, { subnet_id: subnet.id }] });
    const fip = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })).body.floatingip;
    const ambiguous = await f.api.put(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: multi.id } });
    expect(ambiguous.status).toBe(400);
    expect(faultOf(ambiguous.body).message).toBe(`Bad floatingip request: Port ${multi.id} has multiple fixed IPv4 addresses.  Must provide a specific IPv4 address when assigning a floating IP.`);
    const foreign = await f.api.put(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: multi.id, fixed_ip_address: '10.73.0.250' } });
    expect(faultOf(foreign.body).message).toBe(`Bad floatingip request: Port ${multi.id} does not have fixed ip 10.73.0.250.`);
    const chosen = multi.fixed_ips[1].ip_address;
    const ok = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`, { floatingip: { port_id: multi.id, fixed_ip_address: chosen } });
    expect(ok.body.floatingip.fixed_ip_address).toBe(chosen);
    // Created already associated, on the port's other address.
    const direct = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id, port_id: multi.id, fixed_ip_address: multi.fixed_ips[0].ip_address } });
    expect(direct.status).toBe(201);
    expect(direct.body.floatingip.port_id).toBe(multi.id);
  });

  it('disassociates a port’s floating IPs when the port is deleted', async () => {
    const ext = await externalNetwork(f.api, '198.20.0.0/24');
    const { network } = await routedNetwork(f.api, '10.74.0.0/24', ext.network.id);
    const vm = await newPort(network.id);
    const fip = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id, port_id: vm.id } })).body.floatingip;
    expect(fip.port_id).toBe(vm.id);
    expect((await f.api.delete(`/v2.0/ports/${vm.id}`)).status).toBe(204);
    const after = (await f.api.get<{ floatingip: FipBody }>(`/v2.0/floatingips/${fip.id}`)).body.floatingip;
    expect(after).toMatchObject({ port_id: null, fixed_ip_address: null, router_id: null, floating_ip_address: fip.floating_ip_address });
    expect(after.revision_number).toBe(fip.revision_number + 1);
  });

  it('gives concurrent associations of one fixed IP to exactly one floating IP', async () => {
    const ext = await externalNetwork(f.api, '198.21.0.0/24');
    const { network } = await routedNetwork(f.api, '10.75.0.0/24', ext.network.id);
    const vm = await newPort(network.id);
    const fips = await Promise.all(Array.from({ length: 8 }, () => f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })));
    const attempts = await Promise.all(fips.map((r) => f.api.put(`/v2.0/floatingips/${r.body.floatingip.id}`, { floatingip: { port_id: vm.id } })));
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409).every((r) => faultOf(r.body).type === 'FloatingIPPortAlreadyAssociated')).toBe(true);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await f.api.get<{ floatingips: FipBody[] }>(`/v2.0/floatingips?port_id=${vm.id}`)).body.floatingips).toHaveLength(1);
  });

  it('serves the same floating IPs on Alcor’s /elasticips', async () => {
    const ext = await externalNetwork(f.api, '198.22.0.0/24');
    const project = 'fake_project_id';
    const created = await f.api.post<{ elasticip: Record<string, unknown> }>(`/project/${project}/elasticips`, { elasticip: { floating_network_id: ext.network.id, elastic_ip: '198.22.0.9' } });
    expect(created.status).toBe(201);
    expect(created.body.elasticip).toMatchObject({ elastic_ip: '198.22.0.9', elastic_ip_version: 4, port_id: null, private_ip: null });
    const id = created.body.elasticip.id as string;
    expect((await f.api.get<{ floatingip: FipBody }>(`/v2.0/floatingips/${id}`)).body.floatingip.floating_ip_address).toBe('198.22.0.9');
    expect((await f.api.get<{ elasticips: unknown[] }>(`/project/${project}/elasticips`)).body.elasticips.length).toBeGreaterThan(0);
    expect((await f.api.delete<{ id: string }>(`/project/${project}/elasticips/${id}`)).body).toEqual({ id });
  });

  it('tags, If-Match, filters by router_id and bulk creation of floating IPs', async () => {
    const ext = await externalNetwork(f.api, '198.23.0.0/24');
    const { network, router } = await routedNetwork(f.api, '10.76.0.0/24', ext.network.id);
    const bulk = await f.api.post<{ floatingips: FipBody[] }>('/v2.0/floatingips', { floatingips: [{ floating_network_id: ext.network.id }, { floating_network_id: ext.network.id, description: 'two' }] });
    expect(bulk.status).toBe(201);
    expect(bulk.body.floatingips).toHaveLength(2);
    const [one, two] = bulk.body.floatingips;
    // A failing item takes the whole bulk back, addresses included.
    expect((await f.api.post('/v2.0/floatingips', { floatingips: [{ floating_network_id: ext.network.id }, { floating_network_id: network.id }] })).status).toBe(400);
    expect(await usedIps(ext.subnet.id)).toBe(3); // two floating IPs and the router's gateway
    expect((await f.api.put(`/v2.0/floatingips/${one.id}/tags`, { tags: ['web', 'prod'] })).status).toBe(200);
    expect((await f.api.get<{ floatingips: FipBody[] }>('/v2.0/floatingips?tags=web')).body.floatingips.map((x) => x.id)).toEqual([one.id]);
    const vm = await newPort(network.id);
    const stale = await f.api.put(`/v2.0/floatingips/${one.id}`, { floatingip: { port_id: vm.id } }, { 'if-match': 'revision_number=0' });
    expect(stale.status).toBe(412);
    const fresh = await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${one.id}`, { floatingip: { port_id: vm.id } }, { 'if-match': 'revision_number=1' });
    expect(fresh.status).toBe(200);
    expect((await f.api.get<{ floatingips: FipBody[] }>(`/v2.0/floatingips?router_id=${router.id}&fields=id&fields=router_id`)).body.floatingips).toEqual([{ id: one.id, router_id: router.id }]);
    expect((await f.api.put<{ floatingip: FipBody }>(`/v2.0/floatingips/${two.id}`, { floatingip: { description: 'renamed' } })).body.floatingip).toMatchObject({ description: 'renamed', port_id: null });
    expect((await f.api.put(`/v2.0/floatingips/${two.id}`, { floatingip: { floating_network_id: network.id } })).status).toBe(400);
  });
});
