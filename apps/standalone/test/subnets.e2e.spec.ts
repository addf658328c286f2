import { storeKinds } from '@alcor/testing';
import { Body, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('Neutron subnets on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind)));
  afterAll(() => f?.service.close());

  const network = async (name: string) => (await f.api.post<{ network: Body }>('/v2.0/networks', { network: { name } })).body.network;

  it('creates an IPv4 subnet with Neutron defaults and lists it on its network', async () => {
    const net = await network('v4');
    const res = await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.77.0.0/24', name: 's1' } });
    expect(res.status).toBe(201);
    expect(res.body.subnet).toMatchObject({
      network_id: net.id,
      ip_version: 4,
      cidr: '10.77.0.0/24',
      gateway_ip: '10.77.0.1',
      allocation_pools: [{ start: '10.77.0.2', end: '10.77.0.254' }],
      enable_dhcp: true,
      dns_nameservers: [],
      host_routes: [],
      ipv6_ra_mode: null,
      ipv6_address_mode: null,
      subnetpool_id: null,
      revision_number: 1,
    });
    const shown = (await f.api.get<{ network: Body }>(`/v2.0/networks/${net.id}`)).body.network;
    expect(shown.subnets).toEqual([res.body.subnet.id]);
    expect((await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${net.id}`)).body.subnets).toHaveLength(1);
  });

  it('handles explicit, null gateways, pools, DNS, host routes and IPv6 SLAAC', async () => {
    const net = await network('options');
    const custom = await f.api.post<{ subnet: Body }>('/v2.0/subnets', {
      subnet: {
        network_id: net.id,
        ip_version: 4,
        cidr: '10.10.0.0/24',
        gateway_ip: '10.10.0.254',
        allocation_pools: [{ start: '10.10.0.10', end: '10.10.0.20' }],
        dns_nameservers: ['8.8.8.8'],
        host_routes: [{ destination: '192.168.0.0/16', nexthop: '10.10.0.5' }],
        enable_dhcp: false,
      },
    });
    expect(custom.status).toBe(201);
    expect(custom.body.subnet).toMatchObject({ gateway_ip: '10.10.0.254', allocation_pools: [{ start: '10.10.0.10', end: '10.10.0.20' }], enable_dhcp: false });
    const noGateway = await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.11.0.0/30', gateway_ip: null } });
    expect(noGateway.body.subnet).toMatchObject({ gateway_ip: null, allocation_pools: [{ start: '10.11.0.1', end: '10.11.0.2' }] });
    const v6 = await f.api.post<{ subnet: Body }>('/v2.0/subnets', {
      subnet: { network_id: net.id, ip_version: 6, cidr: 'fd00:77::/64', ipv6_ra_mode: 'slaac', ipv6_address_mode: 'slaac' },
    });
    expect(v6.body.subnet).toMatchObject({ gateway_ip: 'fd00:77::1', allocation_pools: [{ start: 'fd00:77::2', end: 'fd00:77::ffff:ffff:ffff:ffff' }] });
  });

  it('refuses overlapping CIDRs on one network but allows them across networks', async () => {
    const a = await network('ov-a');
    const b = await network('ov-b');
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: a.id, ip_version: 4, cidr: '10.20.0.0/16' } })).status).toBe(201);
    const overlap = await f.api.post('/v2.0/subnets', { subnet: { network_id: a.id, ip_version: 4, cidr: '10.20.5.0/24' } });
    expect(overlap.status).toBe(400);
    expect(overlap.body).toMatchObject({ NeutronError: { type: 'InvalidInput' } });
    expect((await f.api.post('/v2.0/subnets', { subnet: { network_id: b.id, ip_version: 4, cidr: '10.20.5.0/24' } })).status).toBe(201);
  });

  it('lets only one of many concurrent overlapping creates on a network win', async () => {
    const net = await network('race');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => f.api.post('/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: i % 2 ? '10.30.0.0/24' : '10.30.0.0/16' } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(11);
    expect(((await f.api.get<{ network: Body }>(`/v2.0/networks/${net.id}`)).body.network.subnets as string[]).length).toBe(1);
  });

  it('answers bad input with Neutron errors and creates nothing', async () => {
    const net = await network('bad');
    const cases: [unknown, number, string][] = [
      [{ subnet: { network_id: net.id, ip_version: 4 } }, 400, 'HTTPBadRequest'],
      [{ subnet: { network_id: net.id, ip_version: 5, cidr: '10.0.0.0/24' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: net.id, ip_version: 4, cidr: '10.0.0.0/33' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: net.id, ip_version: 4, cidr: '10.0.0.7/24' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: net.id, ip_version: 6, cidr: '10.0.0.0/24' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: net.id, ip_version: 4, cidr: '10.0.0.0/24', gateway_ip: '10.9.9.9' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: net.id, ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: [{ start: '10.0.0.1', end: '10.0.0.9' }] } }, 409, 'GatewayConflictWithAllocationPools'],
      [{ subnet: { network_id: net.id, ip_version: 4, cidr: '10.0.0.0/24', subnetpool_id: '4d4c8f62-4f3a-4c9e-9c84-9b7a0f6c7a10' } }, 400, 'InvalidInput'],
      [{ subnet: { network_id: '4d4c8f62-4f3a-4c9e-9c84-9b7a0f6c7a10', ip_version: 4, cidr: '10.0.0.0/24' } }, 404, 'NetworkNotFound'],
    ];
    for (const [body, status, type] of cases) {
      const res = await f.api.post('/v2.0/subnets', body);
      expect({ body, status: res.status, type: (res.body as { NeutronError?: { type: string } }).NeutronError?.type }).toEqual({ body, status, type });
    }
    expect((await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${net.id}`)).body.subnets).toEqual([]);
    expect((await f.api.get<{ network: Body }>(`/v2.0/networks/${net.id}`)).body.network.subnets).toEqual([]);
  });

  it('creates subnets in bulk atomically, updates and deletes them', async () => {
    const net = await network('bulk');
    const bad = await f.api.post('/v2.0/subnets', {
      subnets: [
        { network_id: net.id, ip_version: 4, cidr: '10.40.0.0/24' },
        { network_id: net.id, ip_version: 4, cidr: '10.40.0.0/25' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await f.api.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${net.id}`)).body.subnets).toEqual([]);
    const ok = await f.api.post<{ subnets: Body[] }>('/v2.0/subnets', {
      subnets: [
        { network_id: net.id, ip_version: 4, cidr: '10.40.0.0/24' },
        { network_id: net.id, ip_version: 4, cidr: '10.41.0.0/24' },
      ],
    });
    expect(ok.status).toBe(201);
    const id = ok.body.subnets[0].id;
    const updated = await f.api.put<{ subnet: Body }>(`/v2.0/subnets/${id}`, { subnet: { name: 'renamed', dns_nameservers: ['1.1.1.1'], allocation_pools: [{ start: '10.40.0.100', end: '10.40.0.200' }] } });
    expect(updated.body.subnet).toMatchObject({ name: 'renamed', dns_nameservers: ['1.1.1.1'], allocation_pools: [{ start: '10.40.0.100', end: '10.40.0.200' }], revision_number: 2 });
    expect((await f.api.put(`/v2.0/subnets/${id}`, { subnet: { cidr: '10.50.0.0/24' } })).status).toBe(400);
    expect((await f.api.put(`/v2.0/subnets/${id}`, { subnet: { name: 'x' } }, { 'if-match': 'revision_number=1' })).status).toBe(412);
    expect((await f.api.delete(`/v2.0/subnets/${id}`)).status).toBe(204);
    expect((await f.api.get(`/v2.0/subnets/${id}`)).status).toBe(404);
    expect((await f.api.get<{ network: Body }>(`/v2.0/networks/${net.id}`)).body.network.subnets).toEqual([ok.body.subnets[1].id]);
  });
});
