import { storeKinds } from '@alcor/testing';
import { networkWithSubnet, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('concurrent port creates and deletes on %s', (kind) => {
  let f: StandaloneFixture;
  beforeAll(async () => (f = await startStandalone(kind)));
  afterAll(() => f?.service.close());

  const usedIps = async (subnetId: string) => (await f.api.get<{ used_ips: number }>(`/ips/range/${subnetId}`)).body.used_ips;

  it('fills a small subnet exactly: no duplicate IP or MAC, exhaustion reported, nothing leaked or freed twice', async () => {
    // A /26: 61 pool addresses after network, broadcast and gateway.
    const { network, subnet } = await networkWithSubnet(f.api, '10.90.0.0/26');
    const attempts = await Promise.all(Array.from({ length: 200 }, (_, i) => f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, name: `c${i}` } })));
    const created = attempts.filter((r) => r.status === 201).map((r) => r.body.port);
    const refused = attempts.filter((r) => r.status !== 201);
    expect(created).toHaveLength(61);
    expect(refused.every((r) => r.status === 409 && (r.body as unknown as { NeutronError: { type: string } }).NeutronError.type === 'IpAddressGenerationFailure')).toBe(true);
    expect(new Set(created.map((p) => p.fixed_ips[0].ip_address)).size).toBe(61);
    expect(new Set(created.map((p) => p.mac_address)).size).toBe(61);
    expect(await usedIps(subnet.id)).toBe(61);
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(61);

    // Every port deleted twice at once: each delete frees once, the second answers 404.
    const deletes = await Promise.all(created.flatMap((p) => [f.api.delete(`/v2.0/ports/${p.id}`), f.api.delete(`/v2.0/ports/${p.id}`)]));
    expect(deletes.filter((r) => r.status === 204)).toHaveLength(61);
    expect(deletes.filter((r) => r.status === 404)).toHaveLength(61);
    expect(await usedIps(subnet.id)).toBe(0);

    // The whole pool is available again, once.
    const again = await Promise.all(Array.from({ length: 70 }, () => f.api.post('/v2.0/ports', { port: { network_id: network.id } })));
    expect(again.filter((r) => r.status === 201)).toHaveLength(61);
  });

  it('spills concurrent creates over to the next IPv4 subnet and fails only when both are full', async () => {
    // Two /28s: 13 pool addresses each.
    const { network, subnet: first } = await networkWithSubnet(f.api, '10.92.0.0/28');
    const second = (await f.api.post<{ subnet: PortBody }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.92.1.0/28' } })).body.subnet;
    const attempts = await Promise.all(Array.from({ length: 60 }, () => f.api.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id } })));
    const created = attempts.filter((r) => r.status === 201).map((r) => r.body.port);
    expect(created).toHaveLength(26);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(34);
    expect(created.every((p) => p.fixed_ips.length === 1)).toBe(true);
    expect(new Set(created.map((p) => p.fixed_ips[0].ip_address)).size).toBe(26);
    expect([await usedIps(first.id), await usedIps(second.id)]).toEqual([13, 13]);
  });

  it('gives concurrent claims of one explicit address and one MAC to exactly one port', async () => {
    const { network } = await networkWithSubnet(f.api, '10.91.0.0/24');
    const ipRace = await Promise.all(Array.from({ length: 40 }, () => f.api.post('/v2.0/ports', { port: { network_id: network.id, fixed_ips: [{ ip_address: '10.91.0.77' }] } })));
    expect(ipRace.filter((r) => r.status === 201)).toHaveLength(1);
    expect(ipRace.filter((r) => r.status === 409)).toHaveLength(39);
    const macRace = await Promise.all(Array.from({ length: 40 }, () => f.api.post('/v2.0/ports', { port: { network_id: network.id, mac_address: 'fa:16:3e:12:34:56' } })));
    expect(macRace.filter((r) => r.status === 201)).toHaveLength(1);
    expect(macRace.filter((r) => r.status === 409)).toHaveLength(39);
    // The losers left no address behind: 2 ports hold 2 addresses.
    expect((await f.api.get<{ ports: PortBody[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toHaveLength(2);
  });
});
