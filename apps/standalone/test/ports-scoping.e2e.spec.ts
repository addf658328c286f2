import { storeKinds } from '@alcor/testing';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

const as = (project: string, roles = 'member') => ({ 'x-project-id': project, 'x-roles': roles });

describe.each(storeKinds())('tenant isolation of subnets and ports on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind, { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('keeps each project to its own subnets and ports; admin sees all; overlapping CIDRs are normal', async () => {
    const setup = async (project: string) => {
      const network = (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name: project } }, as(project))).body.network;
      const subnet = (await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.0.0.0/24' } }, as(project))).body.subnet;
      const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.0.0.10' }] } }, as(project))).body.port;
      return { network, subnet, port };
    };
    const a = await setup('proj-a');
    const b = await setup('proj-b');
    expect(a.port.fixed_ips[0].ip_address).toBe(b.port.fixed_ips[0].ip_address);

    const portsOf = async (project: string, roles?: string) => (await f.api.get<{ ports: PortBody[] }>('/v2.0/ports', as(project, roles))).body.ports.map((p) => p.id);
    expect(await portsOf('proj-a')).toEqual([a.port.id]);
    expect((await portsOf('ops', 'admin')).sort()).toEqual([a.port.id, b.port.id].sort());
    expect((await f.api.get(`/v2.0/ports/${a.port.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.delete(`/v2.0/ports/${a.port.id}`, as('proj-b'))).status).toBe(404);
    expect((await f.api.get(`/v2.0/subnets/${a.subnet.id}`, as('proj-b'))).status).toBe(404);
    // A port on someone else's (unshared) network is refused as if the network did not exist.
    const foreign = await f.api.post('/v2.0/ports', { port: { network_id: a.network.id } }, as('proj-b'));
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } });
    // Only an admin binds ports to hosts.
    expect((await f.api.post('/v2.0/ports', { port: { network_id: a.network.id, 'binding:host_id': 'x' } }, as('proj-a'))).status).toBe(403);
  });
});
