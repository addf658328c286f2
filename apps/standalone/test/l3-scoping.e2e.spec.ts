import { storeKinds } from '@alcor/testing';
import { faultOf, FipBody, RouterBody } from './l3-fixture';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });

describe.each(storeKinds())('tenant isolation and policy of routers and floating IPs on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  const tenant = async (project: string, cidr: string) => {
    const network = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: project } }, as(project))).body.network;
    const subnet = (await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr } }, as(project))).body.subnet;
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } }, as(project))).body.port;
    return { network, subnet, port };
  };

  it('keeps routers and floating IPs to their project; gateway details are admin-only; a tenant uses the shared external network', async () => {
    const admin = as('ops', 'admin');
    const ext = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: 'public', 'router:external': true } }, admin)).body.network;
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: ext.id, ip_version: 4, cidr: '203.0.113.0/24', enable_dhcp: false } }, admin)).status).toBe(201);
    const a = await tenant('proj-a', '10.0.0.0/24');
    const b = await tenant('proj-b', '10.0.0.0/24');

    // Only an admin picks the gateway's addresses or turns SNAT off (Neutron's policy).
    const fixed = await f.api.post('/v2.0/routers', { router: { external_gateway_info: { network_id: ext.id, external_fixed_ips: [{ ip_address: '203.0.113.5' }] } } }, as('proj-a'));
    expect(fixed.status).toBe(403);
    expect(faultOf(fixed.body).message).toBe('(rule:create_router:external_gateway_info:external_fixed_ips) is disallowed by policy');
    expect((await f.api.post('/v2.0/routers', { router: { external_gateway_info: { network_id: ext.id, enable_snat: false } } }, as('proj-a'))).status).toBe(403);

    const routerA = (await f.api.post<{ router: RouterBody }>('/v2.0/routers', { router: { name: 'ra', external_gateway_info: { network_id: ext.id } } }, as('proj-a'))).body.router;
    expect(routerA.external_gateway_info?.enable_snat).toBe(true);
    const routerB = (await f.api.post<{ router: RouterBody }>('/v2.0/routers', { router: { name: 'rb' } }, as('proj-b'))).body.router;
    expect((await f.api.get(`/v2.0/routers/${routerA.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers', as('proj-b'))).body.routers.map((r) => r.id)).toEqual([routerB.id]);
    expect((await f.api.get<{ routers: RouterBody[] }>('/v2.0/routers', admin)).body.routers.map((r) => r.id).sort()).toEqual([routerA.id, routerB.id].sort());
    expect((await f.api.put(`/v2.0/routers/${routerA.id}`, { router: { name: 'x' } }, as('proj-b'))).status).toBe(404);
    expect((await f.api.delete(`/v2.0/routers/${routerA.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.put(`/v2.0/routers/${routerA.id}/add_router_interface`, { subnet_id: b.subnet.id }, as('proj-b'))).status).toBe(404);
    // Another project's subnet is not there for this router's project.
    const foreignSubnet = await f.api.put(`/v2.0/routers/${routerB.id}/add_router_interface`, { subnet_id: a.subnet.id }, as('proj-b'));
    expect(foreignSubnet.status).toBe(404);
    expect(faultOf(foreignSubnet.body).type).toBe('SubnetNotFound');

    // Overlapping tenant CIDRs on different routers are normal.
    expect((await f.api.put(`/v2.0/routers/${routerA.id}/add_router_interface`, { subnet_id: a.subnet.id }, as('proj-a'))).status).toBe(200);
    expect((await f.api.put(`/v2.0/routers/${routerB.id}/add_router_interface`, { subnet_id: b.subnet.id }, as('proj-b'))).status).toBe(200);

    const fipA = await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.id, port_id: a.port.id } }, as('proj-a'));
    expect(fipA.status).toBe(201);
    expect(fipA.body.floatingip.router_id).toBe(routerA.id);
    // A tenant may not choose the address (admin-only), nor use another project's port.
    expect((await f.api.post('/v2.0/floatingips', { floatingip: { floating_network_id: ext.id, floating_ip_address: '203.0.113.99' } }, as('proj-b'))).status).toBe(403);
    const fipB = (await f.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.id } }, as('proj-b'))).body.floatingip;
    const stolen = await f.api.put(`/v2.0/floatingips/${fipB.id}`, { floatingip: { port_id: a.port.id } }, as('proj-b'));
    expect(stolen.status).toBe(404);
    expect(faultOf(stolen.body).type).toBe('PortNotFound');
    expect((await f.api.get(`/v2.0/floatingips/${fipA.body.floatingip.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.get<{ floatingips: FipBody[] }>('/v2.0/floatingips', as('proj-b'))).body.floatingips.map((x) => x.id)).toEqual([fipB.id]);
    expect((await f.api.delete(`/v2.0/floatingips/${fipA.body.floatingip.id}`, as('proj-b'))).status).toBe(404);
    // Alcor's paths keep a tenant to its own project.
    expect((await f.api.get(`/project/proj-a/routers`, as('proj-b'))).status).toBe(403);
    expect((await f.api.get<{ routers: RouterBody[] }>(`/project/proj-a/routers`, as('proj-a'))).body.routers.map((r) => r.id)).toEqual([routerA.id]);
  });
});
