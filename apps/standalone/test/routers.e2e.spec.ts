import { storeKinds } from '@alcor/testing';
import { createRouter, externalNetwork, faultOf, RouterBody } from './l3-fixture';
import { networkWithSubnet, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('routers on %s', (kind) => {
  let f: StandaloneFixture;
  // A raised router quota: the suite creates more routers than Neutron's default 10 (quota suite covers the limit).
  beforeAll(async () => (f = await startStandalone(kind, { QUOTA_ROUTER: 100 })));
  afterAll(() => f?.service.close());

  const usedIps = async (subnetId: string) => (await f.api.get<{ used_ips: number }>(`/ips/range/${subnetId}`)).body.used_ips;

  it('creates a router with Neutron defaults and lists, filters, pages and deletes it', async () => {
    const router = await createRouter(f.api, { name: 'edge' });
    expect(router).toMatchObject({ name: 'edge', status: 'ACTIVE', admin_state_up: true, routes: [], external_gateway_info: null, distributed: false, ha: false, flavor_id: null, revision_number: 1, tags: [] });
    expect(router.tenant_id).toBe(router.project_id);
    const listed = await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers?name=edge&fields=id&fields=name');
    expect(listed.body.routers).toEqual([{ id: router.id, name: 'edge' }]);
    const paged = await f.api.get<{ routers: RouterBody[]; routers_links: unknown[] }>('/v2.0/routers?limit=1');
    expect(paged.body.routers).toHaveLength(1);
    expect(Array.isArray(paged.body.routers_links)).toBe(true);
    expect((await f.api.put(`/v2.0/routers/${router.id}`, { router: { name: 'renamed' } }, { 'if-match': 'revision_number=9' })).status).toBe(412);
    const renamed = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { name: 'renamed' } }, { 'if-match': 'revision_number=1' });
    expect(renamed.body.router).toMatchObject({ name: 'renamed', revision_number: 2 });
    expect((await f.api.put(`/v2.0/routers/${router.id}/tags/blue`)).status).toBe(201);
    expect((await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers?tags=blue')).body.routers.map((r) => r.id)).toEqual([router.id]);
    expect((await f.api.delete(`/v2.0/routers/${router.id}`)).status).toBe(204);
    const gone = await f.api.get(`/v2.0/routers/${router.id}`);
    expect(gone.status).toBe(404);
    expect(faultOf(gone.body)).toEqual({ type: 'RouterNotFound', message: `Router ${router.id} could not be found`, detail: '' });
  });

  it('refuses routes on POST, unknown attributes and lists the extensions it serves', async () => {
    expect((await f.api.post('/v2.0/routers', { router: { routes: [] } })).status).toBe(400);
    expect((await f.api.post('/v2.0/routers', { router: { bogus: 1 } })).status).toBe(400);
    const aliases = (await f.api.get<{ extensions: { alias: string }[] }>('/v2.0/extensions')).body.extensions.map((e) => e.alias);
    expect(aliases).toEqual(expect.arrayContaining(['router', 'extraroute', 'extraroute-atomic', 'ext-gw-mode', 'external-net']));
    expect(aliases).not.toContain('l3_agent_scheduler');
  });

  it('adds an interface by subnet on the gateway IP, refuses duplicates and overlaps, protects the port, removes it', async () => {
    const { subnet } = await networkWithSubnet(f.api, '10.60.0.0/24');
    const router = await createRouter(f.api);
    const added = await f.api.put<Record<string, unknown>>(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ id: router.id, subnet_id: subnet.id, subnet_ids: [subnet.id], network_id: subnet.network_id, tenant_id: router.project_id, project_id: router.project_id });
    const port = (await f.api.get<{ port: PortBody }>(`/v2.0/ports/${added.body.port_id as string}`)).body.port;
    expect(port).toMatchObject({ device_owner: 'network:router_interface', device_id: router.id, fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.60.0.1' }] });
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${router.id}`)).body.ports.map((p) => p.id)).toEqual([port.id]);
    expect((await f.api.get<RouterBody & { router: RouterBody }>(`/v2.0/routers/${router.id}`)).body.router.revision_number).toBe(2);

    const again = await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(again.status).toBe(400);
    expect(faultOf(again.body)).toMatchObject({ type: 'BadRequest', message: `Bad router request: Router already has a port on subnet ${subnet.id}.` });
    const other = await createRouter(f.api);
    const elsewhere = await f.api.put(`/v2.0/routers/${other.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(elsewhere.status).toBe(400);
    expect(faultOf(elsewhere.body).type).toBe('BadRequest');

    const { subnet: overlapping } = await networkWithSubnet(f.api, '10.60.0.0/25');
    const overlap = await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: overlapping.id });
    expect(overlap.status).toBe(400);
    expect(faultOf(overlap.body).message).toBe(`Bad router request: Cidr 10.60.0.0/25 of subnet ${overlapping.id} overlaps with cidr 10.60.0.0/24 of subnet ${subnet.id}.`);

    const { subnet: noGateway } = await networkWithSubnet(f.api, '10.61.0.0/24', { gateway_ip: null });
    const withoutGateway = await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: noGateway.id });
    expect(withoutGateway.status).toBe(400);
    expect(faultOf(withoutGateway.body).message).toBe('Bad router request: Subnet for router interface must have a gateway IP.');
    expect((await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, {})).status).toBe(400);
    expect((await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id, port_id: port.id })).status).toBe(400);

    const deletePort = await f.api.delete(`/v2.0/ports/${port.id}`);
    expect(deletePort.status).toBe(409);
    expect(faultOf(deletePort.body)).toMatchObject({ type: 'ServicePortInUse', message: `Port ${port.id} cannot be deleted directly via the port API: has device owner network:router_interface.` });
    const deleteSubnet = await f.api.delete(`/v2.0/subnets/${subnet.id}`);
    expect(deleteSubnet.status).toBe(409);
    expect(faultOf(deleteSubnet.body).type).toBe('SubnetInUse');
    const inUse = await f.api.delete(`/v2.0/routers/${router.id}`);
    expect(inUse.status).toBe(409);
    expect(faultOf(inUse.body)).toMatchObject({ type: 'RouterInUse', message: `Router ${router.id} still has ports` });

    const missing = await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: overlapping.id });
    expect(missing.status).toBe(404);
    expect(faultOf(missing.body)).toMatchObject({ type: 'RouterInterfaceNotFoundForSubnet', message: `Router ${router.id} has no interface on subnet ${overlapping.id}` });
    const removed = await f.api.put<Record<string, unknown>>(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: router.id, port_id: port.id, subnet_id: subnet.id });
    expect((await f.api.get(`/v2.0/ports/${port.id}`)).status).toBe(404);
    expect(await usedIps(subnet.id)).toBe(0);
    expect((await f.api.delete(`/v2.0/routers/${router.id}`)).status).toBe(204);
    expect((await f.api.delete(`/v2.0/subnets/${subnet.id}`)).status).toBe(204);
  });

  it('adds an interface by an unattached port with one fixed IP, refuses attached ones, deletes it on removal', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.62.0.0/24');
    const router = await createRouter(f.api);
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.62.0.9' }] } })).body.port;
    const added = await f.api.put<Record<string, unknown>>(`/v2.0/routers/${router.id}/add_router_interface`, { port_id: port.id });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ port_id: port.id, subnet_id: subnet.id });
    expect((await f.api.get<{ port: PortBody }>(`/v2.0/ports/${port.id}`)).body.port).toMatchObject({ device_owner: 'network:router_interface', device_id: router.id });

    const busy = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, device_id: 'vm-1' } })).body.port;
    const other = await createRouter(f.api);
    const inUse = await f.api.put(`/v2.0/routers/${other.id}/add_router_interface`, { port_id: busy.id });
    expect(inUse.status).toBe(409);
    expect(faultOf(inUse.body).type).toBe('PortInUse');
    const noIp = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [] } })).body.port;
    const empty = await f.api.put(`/v2.0/routers/${other.id}/add_router_interface`, { port_id: noIp.id });
    expect(empty.status).toBe(400);
    expect(faultOf(empty.body).message).toBe('Bad router request: Router port must have at least one fixed IP.');

    const wrong = await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { port_id: busy.id });
    expect(wrong.status).toBe(404);
    expect(faultOf(wrong.body).type).toBe('RouterInterfaceNotFound');
    expect((await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { port_id: port.id })).status).toBe(200);
    expect((await f.api.get(`/v2.0/ports/${port.id}`)).status).toBe(404);
  });

  it('validates extra routes against the router subnets; add/remove_extraroutes change the list atomically', async () => {
    const { subnet } = await networkWithSubnet(f.api, '10.63.0.0/24');
    const router = await createRouter(f.api);
    const unconnected = await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '192.168.0.0/24', nexthop: '10.63.0.5' }] } });
    expect(unconnected.status).toBe(400);
    expect(faultOf(unconnected.body)).toMatchObject({
      type: 'InvalidRoutes',
      message: "Invalid format for routes: [{'destination': '192.168.0.0/24', 'nexthop': '10.63.0.5'}], the nexthop is not connected with router",
    });
    await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect((await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: 'nonsense', nexthop: '10.63.0.5' }] } })).status).toBe(400);
    const own = await f.api.put(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '192.168.0.0/24', nexthop: '10.63.0.1' }] } });
    expect(faultOf(own.body).message).toContain('the nexthop is used by router');
    const set = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { routes: [{ destination: '192.168.0.0/24', nexthop: '10.63.0.5' }] } });
    expect(set.status).toBe(200);
    expect(set.body.router.routes).toEqual([{ destination: '192.168.0.0/24', nexthop: '10.63.0.5' }]);
    const added = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}/add_extraroutes`, { router: { routes: [{ destination: '192.168.1.0/24', nexthop: '10.63.0.6' }] } });
    expect(added.body.router.routes).toHaveLength(2);
    const stray = await f.api.put(`/v2.0/routers/${router.id}/add_extraroutes`, { router: { routes: [{ destination: '192.168.2.0/24', nexthop: '10.99.0.6' }] } });
    expect(stray.status).toBe(400);
    // The subnet carries nexthops: its interface cannot go.
    const needed = await f.api.put(`/v2.0/routers/${router.id}/remove_router_interface`, { subnet_id: subnet.id });
    expect(needed.status).toBe(409);
    expect(faultOf(needed.body).type).toBe('RouterInterfaceInUseByRoute');
    const removed = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}/remove_extraroutes`, { router: { routes: [{ destination: '192.168.0.0/24', nexthop: '10.63.0.5' }] } });
    expect(removed.body.router.routes).toEqual([{ destination: '192.168.1.0/24', nexthop: '10.63.0.6' }]);
    expect((await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { routes: null } })).body.router.routes).toEqual([]);
  });

  it('sets an external gateway on a router:external network only, with a network:router_gateway port, and clears it', async () => {
    const ext = await externalNetwork(f.api, '198.51.100.0/24');
    const { network: internal } = await networkWithSubnet(f.api, '10.64.0.0/24');
    const refused = await f.api.post('/v2.0/routers', { router: { external_gateway_info: { network_id: internal.id } } });
    expect(refused.status).toBe(400);
    expect(faultOf(refused.body)).toMatchObject({ type: 'BadRequest', message: `Bad router request: Network ${internal.id} is not an external network.` });

    const router = await createRouter(f.api, { external_gateway_info: { network_id: ext.network.id, external_fixed_ips: [{ ip_address: '198.51.100.10' }] } });
    expect(router.external_gateway_info).toEqual({ network_id: ext.network.id, enable_snat: true, external_fixed_ips: [{ subnet_id: ext.subnet.id, ip_address: '198.51.100.10' }] });
    const gw = (await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${router.id}&device_owner=network:router_gateway`)).body.ports;
    expect(gw).toHaveLength(1);
    expect(gw[0].fixed_ips).toEqual([{ subnet_id: ext.subnet.id, ip_address: '198.51.100.10' }]);
    const snatOff = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { external_gateway_info: { network_id: ext.network.id, enable_snat: false } } });
    expect(snatOff.body.router.external_gateway_info).toMatchObject({ enable_snat: false, external_fixed_ips: [{ ip_address: '198.51.100.10' }] });
    const cleared = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${router.id}`, { router: { external_gateway_info: {} } });
    expect(cleared.body.router.external_gateway_info).toBeNull();
    expect(await usedIps(ext.subnet.id)).toBe(0);
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${router.id}`)).body.ports).toHaveLength(0);

    // Deleting a router takes its gateway port (and address) with it.
    const other = await createRouter(f.api, { external_gateway_info: { network_id: ext.network.id } });
    expect(await usedIps(ext.subnet.id)).toBe(1);
    expect((await f.api.delete(`/v2.0/routers/${other.id}`)).status).toBe(204);
    expect(await usedIps(ext.subnet.id)).toBe(0);
  });

  it('creates routers in bulk atomically and serves Alcor’s /project/{id}/routers API', async () => {
    const bulk = await f.api.post<{ routers: RouterBody[] }>('/v2.0/routers', { routers: [{ name: 'b1' }, { name: 'b2' }] });
    expect(bulk.status).toBe(201);
    expect(bulk.body.routers.map((r) => r.name)).toEqual(['b1', 'b2']);
    const before = (await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers')).body.routers.length;
    expect((await f.api.post('/v2.0/routers', { routers: [{ name: 'ok' }, { name: 'bad', admin_state_up: 'maybe' }] })).status).toBe(400);
    const ext = await externalNetwork(f.api, '192.0.2.0/24');
    expect((await f.api.post('/v2.0/routers', { routers: [{ name: 'ok' }, { name: 'bad', external_gateway_info: { network_id: '00000000-0000-4000-8000-000000000000' } }] })).status).toBe(404);
    expect((await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers')).body.routers.length).toBe(before);

    const project = bulk.body.routers[0].project_id;
    const alcor = await f.api.post<{ router: RouterBody }>(`/project/${project}/routers`, { router: { name: 'alcor', external_gateway_info: { network_id: ext.network.id } } });
    expect(alcor.status).toBe(201);
    const { subnet } = await networkWithSubnet(f.api, '10.66.0.0/24');
    const added = await f.api.put<Record<string, unknown>>(`/project/${project}/routers/${alcor.body.router.id}/add_router_interface`, { subnet_id: subnet.id });
    expect(added.body).toMatchObject({ id: alcor.body.router.id, subnet_id: subnet.id });
    const routes = await f.api.put<{ router: RouterBody }>(`/project/${project}/routers/${alcor.body.router.id}/add_extraroutes`, { router: { routes: [{ destination: '172.20.0.0/16', nexthop: '10.66.0.7' }] } });
    expect(routes.body.router.routes).toEqual([{ destination: '172.20.0.0/16', nexthop: '10.66.0.7' }]);
    // A nexthop on the external subnet is connected too (Neutron counts every router port).
    const viaGateway = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${alcor.body.router.id}/add_extraroutes`, { router: { routes: [{ destination: '0.0.0.0/0', nexthop: '192.0.2.254' }] } });
    expect(viaGateway.body.router.routes).toHaveLength(2);
    // New gateway addresses on the same external network re-address the gateway port.
    const readdressed = await f.api.put<{ router: RouterBody }>(`/v2.0/routers/${alcor.body.router.id}`, { router: { external_gateway_info: { network_id: ext.network.id, external_fixed_ips: [{ ip_address: '192.0.2.77' }] } } });
    expect(readdressed.body.router.external_gateway_info?.external_fixed_ips).toEqual([{ subnet_id: ext.subnet.id, ip_address: '192.0.2.77' }]);
    expect(await usedIps(ext.subnet.id)).toBe(1);
    expect((await f.api.get<{ routers: RouterBody[] }>(`/project/${project}/routers?name=alcor`)).body.routers).toHaveLength(1);
    await f.api.put(`/project/${project}/routers/${alcor.body.router.id}/remove_extraroutes`, { router: { routes: routes.body.router.routes } });
    await f.api.put(`/project/${project}/routers/${alcor.body.router.id}/remove_router_interface`, { subnet_id: subnet.id });
    expect((await f.api.delete<{ id: string }>(`/project/${project}/routers/${alcor.body.router.id}`)).body).toEqual({ id: alcor.body.router.id });
  });

  it('attaches an IPv6 SLAAC subnet on its gateway address and refuses a subnet that takes RAs from an external router', async () => {
    const network = (await f.api.post<{ network: RouterBody }>('/v2.0/networks', { network: { name: 'v6' } })).body.network;
    const slaac = await f.api.post<{ subnet: RouterBody & { gateway_ip: string } }>('/v2.0/subnets', {
      subnet: { network_id: network.id, ip_version: 6, cidr: 'fd00:66::/64', ipv6_ra_mode: 'slaac', ipv6_address_mode: 'slaac' },
    });
    expect(slaac.status).toBe(201);
    const router = await createRouter(f.api);
    const added = await f.api.put<{ port_id: string }>(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: slaac.body.subnet.id });
    expect(added.status).toBe(200);
    const port = (await f.api.get<{ port: PortBody }>(`/v2.0/ports/${added.body.port_id}`)).body.port;
    expect(port.fixed_ips).toEqual([{ subnet_id: slaac.body.subnet.id, ip_address: slaac.body.subnet.gateway_ip }]);

    const other = (await f.api.post<{ network: RouterBody }>('/v2.0/networks', { network: { name: 'v6-ext-ra' } })).body.network;
    const external = await f.api.post<{ subnet: RouterBody }>('/v2.0/subnets', { subnet: { network_id: other.id, ip_version: 6, cidr: 'fd00:67::/64', ipv6_address_mode: 'slaac' } });
    expect(external.status).toBe(201);
    const refused = await f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: external.body.subnet.id });
    expect(refused.status).toBe(400);
    expect(faultOf(refused.body).message).toBe(`Bad router request: IPv6 subnet ${external.body.subnet.id} configured to receive RAs from an external router cannot be added to Neutron Router..`);
  });

  it('gives two concurrent attachments of one subnet to exactly one router and leaves no port behind', async () => {
    const { subnet } = await networkWithSubnet(f.api, '10.65.0.0/24');
    const routers = await Promise.all(Array.from({ length: 6 }, () => createRouter(f.api)));
    const attempts = await Promise.all(routers.map((r) => f.api.put(`/v2.0/routers/${r.id}/add_router_interface`, { subnet_id: subnet.id })));
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(attempts.filter((r) => r.status !== 200).every((r) => r.status === 400 || r.status === 409)).toBe(true);
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${subnet.network_id}`)).body.ports).toHaveLength(1);
    expect(await usedIps(subnet.id)).toBe(1);
  });

  it('attaches many subnets to one router concurrently without losing one: the revision counts every interface', async () => {
    const router = await createRouter(f.api);
    const subnets = await Promise.all(Array.from({ length: 8 }, (_, i) => networkWithSubnet(f.api, `10.67.${i}.0/24`)));
    const attempts = await Promise.all(subnets.map(({ subnet }) => f.api.put(`/v2.0/routers/${router.id}/add_router_interface`, { subnet_id: subnet.id })));
    expect(attempts.map((r) => r.status)).toEqual(subnets.map(() => 200));
    const after = (await f.api.get<{ router: RouterBody }>(`/v2.0/routers/${router.id}`)).body.router;
    expect(after.revision_number).toBe(1 + subnets.length);
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?device_id=${router.id}`)).body.ports).toHaveLength(subnets.length);
    // Sorting and paging over routers, as every Neutron collection.
    const sorted = (await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers?sort_key=revision_number&sort_dir=desc&limit=1')).body.routers;
    expect(sorted[0].id).toBe(router.id);
  });
});
