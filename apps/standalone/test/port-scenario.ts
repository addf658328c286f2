import { ApiClient } from '@alcor/testing';

type Body = Record<string, unknown> & { id: string };
type PortBody = Body & { fixed_ips: { subnet_id: string; ip_address: string }[]; mac_address: string };

/**
 * One operator's session through the Neutron API: the same calls, and the same answers expected,
 * whether the managers share a process or run as separate services behind the gateway.
 */
export async function runPortScenario(api: ApiClient, label: string): Promise<void> {
  const network = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: `scenario-${label}` } })).body.network;
  const subnetRes = await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.200.0.0/28' } });
  expect(subnetRes.status).toBe(201);
  const subnet = subnetRes.body.subnet;

  // The explicit address first: automatic picks are random among the lowest free addresses (as
  // Neutron's), so an automatic port made before it could hold 10.200.0.9.
  const explicit = await api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.200.0.9' }] } });
  expect(explicit.body.port.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: '10.200.0.9' }]);
  const auto = await api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, name: 'auto' } });
  expect(auto.status).toBe(201);
  expect(auto.body.port.fixed_ips[0].subnet_id).toBe(subnet.id);
  const taken = await api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.200.0.9' }] } });
  expect(taken.status).toBe(409);
  expect(taken.body).toMatchObject({ NeutronError: { type: 'IpAddressAlreadyAllocated' } });
  const sameMac = await api.post('/v2.0/ports', { port: { network_id: network.id, mac_address: auto.body.port.mac_address } });
  expect(sameMac.body).toMatchObject({ NeutronError: { type: 'MacAddressInUse' } });

  const bulk = await api.post<{ ports: PortBody[] }>('/v2.0/ports', { ports: Array.from({ length: 5 }, () => ({ network_id: network.id })) });
  expect(bulk.status).toBe(201);
  // /28: 13 pool addresses; 7 used now. A bulk of 7 more cannot fit and must leave nothing behind.
  const tooMany = await api.post('/v2.0/ports', { ports: Array.from({ length: 7 }, () => ({ network_id: network.id })) });
  expect(tooMany.status).toBe(409);
  expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(7);

  const found = await api.get<{ ports: Body[] }>('/v2.0/ports?fixed_ips=ip_address%3D10.200.0.9');
  expect(found.body.ports.map((p) => p.id)).toEqual([explicit.body.port.id]);
  const renamed = await api.put<{ port: Body }>(`/v2.0/ports/${explicit.body.port.id}`, { port: { name: 'renamed' } });
  expect(renamed.body.port).toMatchObject({ name: 'renamed', revision_number: 2 });

  expect((await api.delete(`/v2.0/subnets/${subnet.id}`)).body).toMatchObject({ NeutronError: { type: 'SubnetInUse' } });
  for (const port of (await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports) {
    expect((await api.delete(`/v2.0/ports/${port.id}`)).status).toBe(204);
  }
  expect((await api.delete(`/v2.0/subnets/${subnet.id}`)).status).toBe(204);
  expect((await api.delete(`/v2.0/networks/${network.id}`)).status).toBe(204);
  await runDualStackScenario(api, label);
}

/**
 * Neutron's automatic addresses on a network with several subnets: one IPv4 address, taken from
 * the next IPv4 subnet once one is full, plus one from the stateful IPv6 subnet; 409 only when
 * every IPv4 subnet is full, and that failure keeps nothing (the IPv6 address included).
 */
async function runDualStackScenario(api: ApiClient, label: string): Promise<void> {
  const network = (await api.post<{ network: Body }>('/v2.0/networks', { network: { name: `dual-${label}` } })).body.network;
  const subnet = async (body: Record<string, unknown>) => {
    const res = await api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ...body } });
    expect(res.status).toBe(201);
    return res.body.subnet.id;
  };
  // A /30 has one pool address (.2): .1 is the gateway.
  const first = await subnet({ ip_version: 4, cidr: '10.201.0.0/30' });
  const second = await subnet({ ip_version: 4, cidr: '10.201.1.0/30' });
  const v6 = await subnet({ ip_version: 6, cidr: 'fd00:201::/64' });
  const create = () => api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } });
  const a = await create();
  expect(a.body.port.fixed_ips).toEqual([
    { subnet_id: first, ip_address: '10.201.0.2' },
    { subnet_id: v6, ip_address: expect.stringMatching(/^fd00:201::/) },
  ]);
  const b = await create();
  expect(b.body.port.fixed_ips).toEqual([
    { subnet_id: second, ip_address: '10.201.1.2' },
    { subnet_id: v6, ip_address: expect.stringMatching(/^fd00:201::/) },
  ]);
  expect(b.body.port.fixed_ips[1].ip_address).not.toBe(a.body.port.fixed_ips[1].ip_address);
  const full = await create();
  expect(full.status).toBe(409);
  expect(full.body).toMatchObject({ NeutronError: { type: 'IpAddressGenerationFailure' } });
  expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(2);
  expect((await api.get<{ ports: Body[] }>(`/v2.0/ports?fixed_ips=subnet_id%3D${v6}`)).body.ports).toHaveLength(2);

  expect((await api.delete(`/v2.0/ports/${a.body.port.id}`)).status).toBe(204);
  expect((await create()).body.port.fixed_ips[0]).toEqual({ subnet_id: first, ip_address: '10.201.0.2' });
  for (const port of (await api.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports) {
    expect((await api.delete(`/v2.0/ports/${port.id}`)).status).toBe(204);
  }
  for (const id of [first, second, v6]) expect((await api.delete(`/v2.0/subnets/${id}`)).status).toBe(204);
  expect((await api.delete(`/v2.0/networks/${network.id}`)).status).toBe(204);
}
