import { storeKinds } from '@alcor/testing';
import { Body, networkWithSubnet, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('Neutron ports on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind)));
  afterAll(() => f?.service.close());

  it('creates a port with an address from the subnet pool and a generated MAC, DOWN and unbound', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.77.0.0/24');
    const res = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, name: 'p1' } });
    expect(res.status).toBe(201);
    const port = res.body.port;
    expect(port).toMatchObject({
      network_id: network.id,
      name: 'p1',
      admin_state_up: true,
      status: 'DOWN',
      device_id: '',
      device_owner: '',
      port_security_enabled: true,
      allowed_address_pairs: [],
      'binding:host_id': '',
      'binding:vif_type': 'unbound',
      'binding:vnic_type': 'normal',
      revision_number: 1,
    });
    expect(port.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    expect(port.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: expect.stringMatching(/^10\.77\.0\.(\d+)$/) }]);
    const last = Number(port.fixed_ips[0].ip_address.split('.')[3]);
    expect(last >= 2 && last <= 254).toBe(true);
  });

  it('takes an explicit address, refuses one in use (409) or outside the subnet (400)', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.78.0.0/24');
    const mine = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.78.0.50' }] } });
    expect(mine.body.port.fixed_ips).toEqual([{ subnet_id: subnet.id, ip_address: '10.78.0.50' }]);
    const taken = await f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.78.0.50' }] } });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ NeutronError: { type: 'IpAddressAlreadyAllocated' } });
    const outside = await f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ subnet_id: subnet.id, ip_address: '10.99.0.5' }] } });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ NeutronError: { type: 'InvalidIpForSubnet' } });
    const nowhere = await f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.99.0.5' }] } });
    expect(nowhere.body).toMatchObject({ NeutronError: { type: 'InvalidIpForNetwork' } });
    const gateway = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.78.0.1' }], device_owner: 'network:router_interface' } });
    expect(gateway.status).toBe(201);
  });

  it('accepts a given MAC once per network', async () => {
    const { network } = await networkWithSubnet(f.api, '10.79.0.0/24');
    const other = await networkWithSubnet(f.api, '10.80.0.0/24');
    const mac = 'fa:16:3e:00:77:01';
    expect((await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, mac_address: mac } })).body.port.mac_address).toBe(mac);
    const dup = await f.api.post('/v2.0/ports', { port: { network_id: network.id, mac_address: mac } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ NeutronError: { type: 'MacAddressInUse' } });
    expect((await f.api.post('/v2.0/ports', { port: { network_id: other.network.id, mac_address: mac } })).status).toBe(201);
  });

  it('reports exhaustion as IpAddressGenerationFailure and frees addresses on delete exactly once', async () => {
    const { network } = await networkWithSubnet(f.api, '10.81.0.0/29');
    const ports: PortBody[] = [];
    for (let i = 0; i < 5; i++) ports.push((await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } })).body.port);
    const full = await f.api.post('/v2.0/ports', { port: { network_id: network.id } });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ NeutronError: { type: 'IpAddressGenerationFailure' } });
    const freed = ports[2].fixed_ips[0].ip_address;
    expect((await f.api.delete(`/v2.0/ports/${ports[2].id}`)).status).toBe(204);
    expect((await f.api.delete(`/v2.0/ports/${ports[2].id}`)).status).toBe(404);
    const again = await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } });
    expect(again.body.port.fixed_ips[0].ip_address).toBe(freed);
    expect((await f.api.post('/v2.0/ports', { port: { network_id: network.id } })).status).toBe(409);
  });

  it('refuses to delete a subnet with allocated ports (409 SubnetInUse), then allows it', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.82.0.0/24');
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } })).body.port;
    const inUse = await f.api.delete(`/v2.0/subnets/${subnet.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ NeutronError: { type: 'SubnetInUse' } });
    await f.api.delete(`/v2.0/ports/${port.id}`);
    expect((await f.api.delete(`/v2.0/subnets/${subnet.id}`)).status).toBe(204);
  });

  it('creates ports in bulk atomically', async () => {
    const { network } = await networkWithSubnet(f.api, '10.83.0.0/24');
    const bad = await f.api.post('/v2.0/ports', { ports: [{ network_id: network.id }, { network_id: network.id, fixed_ips: [{ ip_address: '10.99.9.9' }] }] });
    expect(bad.status).toBe(400);
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toEqual([]);
    const ok = await f.api.post<{ ports: PortBody[] }>('/v2.0/ports', { ports: Array.from({ length: 20 }, (_, i) => ({ network_id: network.id, name: `b${i}` })) });
    expect(ok.status).toBe(201);
    expect(new Set(ok.body.ports.map((p) => p.fixed_ips[0].ip_address)).size).toBe(20);
  });

  it('filters by fixed_ips, device_id and binding:host_id; rejects malformed fixed_ips filters', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.84.0.0/24');
    const a = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, device_id: 'vm-1', fixed_ips: [{ ip_address: '10.84.0.10' }] } })).body.port;
    await f.api.post('/v2.0/ports', { port: { network_id: network.id, device_id: 'vm-2', fixed_ips: [{ ip_address: '10.84.0.11' }] } });
    const ids = async (q: string) => (await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?${q}`)).body.ports.map((p) => p.id);
    expect(await ids('fixed_ips=ip_address%3D10.84.0.10')).toEqual([a.id]);
    expect(await ids(`fixed_ips=subnet_id%3D${subnet.id}&fixed_ips=ip_address%3D10.84.0.10`)).toEqual([a.id]);
    expect((await ids('fixed_ips=ip_address_substr%3D10.84.0.1')).length).toBe(2);
    expect(await ids('device_id=vm-1')).toEqual([a.id]);
    expect(await ids('binding:host_id=nowhere')).toEqual([]);
    const bad = await f.api.get('/v2.0/ports?fixed_ips=bad');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ NeutronError: { type: 'InvalidInput', message: "Invalid input for operation: 'bad' is not of the form <key>=[value]." } });
  });

  it('binds to registered nodes only', async () => {
    const { network } = await networkWithSubnet(f.api, '10.85.0.0/24');
    const unknown = await f.api.post('/v2.0/ports', { port: { network_id: network.id, 'binding:host_id': 'compute-9' } });
    expect(unknown.status).toBe(400);
    const node = await f.api.post('/nodes', { host_info: { node_name: 'compute-1', local_ip: '192.168.50.11', mac_address: '52:54:00:aa:bb:01', veth: 'eth0', server_port: 50001 } });
    expect(node.status).toBe(201);
    const bound = await f.api.post<{ port: Body }>('/v2.0/ports', { port: { network_id: network.id, 'binding:host_id': 'compute-1', device_owner: 'compute:nova' } });
    expect(bound.status).toBe(201);
    expect(bound.body.port).toMatchObject({ 'binding:host_id': 'compute-1', 'binding:vif_type': 'ovs', status: 'DOWN' });
    expect((await f.api.get<{ ports: Body[] }>('/v2.0/ports?binding:host_id=compute-1')).body.ports).toHaveLength(1);
  });

  it('updates fixed_ips, keeping named addresses and releasing the rest', async () => {
    const { network, subnet } = await networkWithSubnet(f.api, '10.86.0.0/24');
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.86.0.5' }, { ip_address: '10.86.0.6' }] } })).body.port;
    const updated = await f.api.put<{ port: PortBody }>(`/v2.0/ports/${port.id}`, { port: { fixed_ips: [{ ip_address: '10.86.0.6' }, { subnet_id: subnet.id, ip_address: '10.86.0.7' }] } });
    expect(updated.status).toBe(200);
    expect(updated.body.port.fixed_ips.map((ip) => ip.ip_address)).toEqual(['10.86.0.6', '10.86.0.7']);
    expect(updated.body.port.revision_number).toBe(2);
    expect((await f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.86.0.5' }] } })).status).toBe(201);
    expect((await f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.86.0.7' }] } })).status).toBe(409);
  });

  it('refuses address pairs without port security and security groups it cannot check', async () => {
    const { network } = await networkWithSubnet(f.api, '10.87.0.0/24');
    const pairs = await f.api.post('/v2.0/ports', { port: { network_id: network.id, port_security_enabled: false, allowed_address_pairs: [{ ip_address: '10.87.0.100' }] } });
    expect(pairs.status).toBe(409);
    expect(pairs.body).toMatchObject({ NeutronError: { type: 'AddressPairAndPortSecurityRequired' } });
    const ok = await f.api.post<{ port: PortBody & { allowed_address_pairs: { ip_address: string; mac_address: string }[] } }>('/v2.0/ports', { port: { network_id: network.id, allowed_address_pairs: [{ ip_address: '10.87.0.0/28' }] } });
    expect(ok.body.port.allowed_address_pairs).toEqual([{ ip_address: '10.87.0.0/28', mac_address: ok.body.port.mac_address }]);
  });

  it('gives a dual-stack port its SLAAC address derived from the MAC', async () => {
    const { network } = await networkWithSubnet(f.api, '10.88.0.0/24');
    const v6 = await f.api.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 6, cidr: 'fd00:88::/64', ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac' } });
    const port = (await f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, mac_address: 'fa:16:3e:00:77:01' } })).body.port;
    expect(port.fixed_ips).toEqual([
      { subnet_id: expect.any(String), ip_address: expect.stringMatching(/^10\.88\.0\./) },
      { subnet_id: v6.body.subnet.id, ip_address: 'fd00:88::f816:3eff:fe00:7701' },
    ]);
  });
});
