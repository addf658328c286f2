import { storeKinds } from '@alcor/testing';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });
const A = as('proj-a');
const B = as('proj-b');
const ADMIN = as('ops', 'admin');
type Fault = { NeutronError: { type: string; message: string } };

describe.each(storeKinds())('subnets of shared and external networks on %s (trusted headers)', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  const network = async (body: Record<string, unknown>, headers = ADMIN) => {
    const res = await f.api.post<{ network: Body }>('/v2.0/networks', { network: body }, headers);
    if (res.status !== 201) throw new Error(`network create failed: ${JSON.stringify(res.body)}`);
    return res.body.network;
  };
  const subnet = async (networkId: string, cidr: string, headers: Record<string, string>) => {
    const res = await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr } }, headers);
    if (res.status !== 201) throw new Error(`subnet create failed: ${JSON.stringify(res.body)}`);
    return res.body.subnet;
  };
  const subnetIds = async (headers: Record<string, string>, query = '') =>
    (await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets${query}`, headers)).body.subnets.map((s) => s.id).sort();

  it('shows every project the subnets of a shared network; only the owner or an admin changes them', async () => {
    const shared = await network({ name: 'shared', shared: true, project_id: 'proj-a' });
    const sharedSubnet = await subnet(shared.id, '10.10.0.0/24', A);
    const privateNet = await network({ name: 'private-a' }, A);
    const privateSubnet = await subnet(privateNet.id, '10.20.0.0/24', A);
    const ownNet = await network({ name: 'own-b' }, B);
    const ownSubnet = await subnet(ownNet.id, '10.30.0.0/24', B);

    // B sees its own subnets and the shared one, never A's private one; admin sees all three.
    expect(await subnetIds(B)).toEqual([sharedSubnet.id, ownSubnet.id].sort());
    expect(await subnetIds(B, `?network_id=${shared.id}`)).toEqual([sharedSubnet.id]);
    expect(await subnetIds(B, `?network_id=${privateNet.id}`)).toEqual([]);
    expect(await subnetIds(ADMIN)).toEqual([sharedSubnet.id, privateSubnet.id, ownSubnet.id].sort());
    expect(await subnetIds(A)).toEqual([sharedSubnet.id, privateSubnet.id].sort());
    const shown = await f.api.get<{ subnet: Body }>(`/v2.0/subnets/${sharedSubnet.id}`, B);
    expect(shown.status).toBe(200);
    expect(shown.body.subnet).toMatchObject({ id: sharedSubnet.id, project_id: 'proj-a', cidr: '10.10.0.0/24' });
    expect((await f.api.get(`/v2.0/subnets/${privateSubnet.id}`, B)).status).toBe(404);
    // Paging through B's view: the shared subnet is a valid marker.
    const page = await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?limit=1&sort_key=id&sort_dir=asc`, B);
    expect(page.body.subnets).toHaveLength(1);
    const rest = await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?limit=5&sort_key=id&sort_dir=asc&marker=${page.body.subnets[0].id}`, B);
    expect([...page.body.subnets, ...rest.body.subnets].map((s) => s.id).sort()).toEqual([sharedSubnet.id, ownSubnet.id].sort());

    // B may not change, tag or delete what it only sees: 403, as Neutron answers a visible resource.
    const put = await f.api.put<Fault>(`/v2.0/subnets/${sharedSubnet.id}`, { subnet: { name: 'mine' } }, B);
    expect(put.status).toBe(403);
    expect(put.body.NeutronError).toEqual(expect.objectContaining({ type: 'PolicyNotAuthorized', message: '(rule:update_subnet) is disallowed by policy' }));
    const del = await f.api.delete<Fault>(`/v2.0/subnets/${sharedSubnet.id}`, B);
    expect(del.status).toBe(403);
    expect(del.body.NeutronError).toEqual(expect.objectContaining({ type: 'PolicyNotAuthorized', message: '(rule:delete_subnet) is disallowed by policy' }));
    expect((await f.api.put(`/v2.0/subnets/${sharedSubnet.id}/tags/b`, undefined, B)).status).toBe(403);
    expect((await f.api.put(`/v2.0/subnets/${privateSubnet.id}`, { subnet: { name: 'x' } }, B)).status).toBe(404);
    expect((await f.api.delete(`/v2.0/subnets/${privateSubnet.id}`, B)).status).toBe(404);
    // Nor add a subnet to a network it does not own.
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: shared.id, ip_version: 4, cidr: '10.11.0.0/24' } }, B)).status).toBe(403);
    // The owner and an admin may.
    expect((await f.api.put<{ subnet: Body }>(`/v2.0/subnets/${sharedSubnet.id}`, { subnet: { name: 'by-a' } }, A)).body.subnet.name).toBe('by-a');
    expect((await f.api.put<{ subnet: Body }>(`/v2.0/subnets/${sharedSubnet.id}`, { subnet: { name: 'by-admin' } }, ADMIN)).body.subnet.name).toBe('by-admin');
    expect((await f.api.get<{ subnet: Body }>(`/v2.0/subnets/${sharedSubnet.id}`, B)).body.subnet.name).toBe('by-admin');

    // B's ports on the shared network: default addressing, and an address asked of the shared subnet.
    // The explicit address first: automatic picks are random among the lowest free addresses.
    const bySubnet = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: shared.id, fixed_ips: [{ subnet_id: sharedSubnet.id, ip_address: '10.10.0.50' }] } }, B);
    expect(bySubnet.status).toBe(201);
    expect(bySubnet.body.port.fixed_ips).toEqual([{ subnet_id: sharedSubnet.id, ip_address: '10.10.0.50' }]);
    const auto = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: shared.id } }, B);
    expect(auto.status).toBe(201);
    expect(auto.body.port).toMatchObject({ project_id: 'proj-b', fixed_ips: [{ subnet_id: sharedSubnet.id }] });
    // The subnet is in use by B's ports: not even its owner deletes it now.
    expect((await f.api.delete<Fault>(`/v2.0/subnets/${sharedSubnet.id}`, A)).body.NeutronError.type).toBe('SubnetInUse');
    for (const port of [auto.body.port, bySubnet.body.port]) expect((await f.api.delete(`/v2.0/ports/${port.id}`, B)).status).toBe(204);
    expect((await f.api.delete(`/v2.0/subnets/${sharedSubnet.id}`, A)).status).toBe(204);
    expect(await subnetIds(B)).toEqual([ownSubnet.id]);
  });

  it('follows the network: unsharing hides its subnets again; router:external alone never shows them', async () => {
    const net = await network({ name: 'toggle', shared: true, project_id: 'proj-a' });
    const sub = await subnet(net.id, '10.40.0.0/24', A);
    expect((await f.api.get(`/v2.0/subnets/${sub.id}`, B)).status).toBe(200);
    expect((await f.api.put(`/v2.0/networks/${net.id}`, { network: { shared: false } }, ADMIN)).status).toBe(200);
    expect((await f.api.get(`/v2.0/subnets/${sub.id}`, B)).status).toBe(404);
    expect(await subnetIds(B, `?network_id=${net.id}`)).toEqual([]);
    expect((await f.api.put(`/v2.0/subnets/${sub.id}`, { subnet: { name: 'x' } }, B)).status).toBe(404);

    // Neutron's subnet query honours access_as_shared only: an external network is visible to
    // every project (it lists its subnet ids), its subnets are not.
    const ext = await network({ name: 'public', 'router:external': true });
    const extSubnet = await subnet(ext.id, '203.0.113.0/24', ADMIN);
    const seen = await f.api.get<{ network: Body & { subnets: string[] } }>(`/v2.0/networks/${ext.id}`, B);
    expect(seen.status).toBe(200);
    expect(seen.body.network.subnets).toEqual([extSubnet.id]);
    expect((await f.api.get(`/v2.0/subnets/${extSubnet.id}`, B)).status).toBe(404);
    expect(await subnetIds(B, `?network_id=${ext.id}`)).toEqual([]);
    // Shared and external: visible.
    const both = await network({ name: 'public-shared', 'router:external': true, shared: true });
    const bothSubnet = await subnet(both.id, '198.51.100.0/24', ADMIN);
    expect(await subnetIds(B, `?network_id=${both.id}`)).toEqual([bothSubnet.id]);
    expect((await f.api.get(`/v2.0/subnets/${bothSubnet.id}`, B)).status).toBe(200);
  });
});
