import { randomUUID } from 'node:crypto';
import { storeKinds } from '@alcor/testing';
import { IpamFixture, startIpamService } from './ipam-service';

type Range = { id: string; subnet_id: string; vpc_id: string; first_ip: string; last_ip: string; used_ips: number; total_ips: number; cidr: string; allocation_pools: unknown };
type IpRequest = { ip: string; range_id: string; subnet_id: string; vpc_id: string; ip_version: number; state: string; port_id: string | null };

/** Alcor's Private IP manager REST API (no project in paths, unwrapped bodies). */
describe.each(storeKinds())('Alcor /ips API on %s', (kind) => {
  let f: IpamFixture;
  beforeAll(async () => (f = await startIpamService(kind)));
  afterAll(() => f?.service.close());

  async function newRange(body: Record<string, unknown> = {}) {
    const subnetId = randomUUID();
    const vpcId = randomUUID();
    const created = await f.api.post<Range>('/ips/range', { vpc_id: vpcId, subnet_id: subnetId, ip_version: 4, cidr: '10.44.0.0/24', gateway_ip: '10.44.0.1', ...body });
    expect(created.status).toBe(201);
    return { subnetId, vpcId, range: created.body };
  }

  it('creates, shows, lists and deletes ranges; range id is the subnet id', async () => {
    const { subnetId, vpcId, range } = await newRange();
    expect(range).toEqual({
      id: subnetId,
      subnet_id: subnetId,
      vpc_id: vpcId,
      project_id: 'fake_project_id',
      ip_version: 4,
      cidr: '10.44.0.0/24',
      gateway_ip: '10.44.0.1',
      allocation_pools: [{ start: '10.44.0.2', end: '10.44.0.254' }],
      first_ip: '10.44.0.1',
      last_ip: '10.44.0.254',
      used_ips: 0,
      total_ips: 253,
    });
    expect((await f.api.get<Range>(`/ips/range/${subnetId}`)).body).toEqual(range);
    expect((await f.api.get<Range[]>('/ips/range')).body.map((r) => r.id)).toContain(subnetId);
    const removed = await f.api.delete(`/ips/range/${subnetId}`);
    expect(removed.status).toBe(200);
    expect((await f.api.get(`/ips/range/${subnetId}`)).body).toEqual({
      NeutronError: { type: 'SubnetNotFound', message: `Subnet ${subnetId} could not be found.`, detail: '' },
    });
  });

  it('accepts Alcor’s own range body: first_ip/last_ip, counters included', async () => {
    const { subnetId, range } = await newRange({ cidr: undefined, gateway_ip: undefined, first_ip: '10.45.0.2', last_ip: '10.45.0.254', used_ips: 0, total_ips: 0, id: undefined });
    expect(range).toMatchObject({ cidr: '10.45.0.0/24', allocation_pools: [{ start: '10.45.0.2', end: '10.45.0.254' }], total_ips: 253, gateway_ip: null });
    const wrongId = await f.api.post('/ips/range', { id: randomUUID(), vpc_id: randomUUID(), subnet_id: randomUUID(), cidr: '10.0.0.0/24' });
    expect(wrongId.status).toBe(400);
    expect((await f.api.post('/ips/range', { vpc_id: randomUUID(), subnet_id: subnetId, cidr: '10.0.0.0/24', bogus: 1 })).body).toMatchObject({
      NeutronError: { type: 'HTTPBadRequest', message: "Unrecognized attribute(s) 'bogus'" },
    });
    expect((await f.api.post('/ips/range', { vpc_id: randomUUID(), subnet_id: randomUUID() })).status).toBe(400);
  });

  it('allocates, shows, lists and releases addresses with Alcor’s IpAddrRequest shape', async () => {
    const { subnetId, vpcId } = await newRange();
    const one = await f.api.post<IpRequest>('/ips', { ip_version: 4, vpc_id: vpcId, range_id: subnetId, ip: null, state: null });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ ip_version: 4, vpc_id: vpcId, subnet_id: subnetId, range_id: subnetId, state: 'activated', port_id: null });
    const explicit = await f.api.post<IpRequest>('/ips', { subnet_id: subnetId, ip: '10.44.0.1' });
    expect(explicit.body.ip).toBe('10.44.0.1');
    const bulk = await f.api.post<{ ip_requests: IpRequest[] }>('/ips/bulk', { ip_requests: [{ range_id: subnetId }, { range_id: subnetId, ip: '10.44.0.77' }] });
    expect(bulk.status).toBe(201);
    expect(bulk.body.ip_requests.map((r) => r.ip)).toContain('10.44.0.77');
    expect((await f.api.get<IpRequest>(`/ips/${subnetId}/10.44.0.77`)).body).toMatchObject({ ip: '10.44.0.77', range_id: subnetId });
    expect((await f.api.get<IpRequest[]>(`/ips/${subnetId}`)).body.map((r) => r.ip)).toEqual(expect.arrayContaining(['10.44.0.1', '10.44.0.77', one.body.ip]));
    expect((await f.api.get<Range>(`/ips/range/${subnetId}`)).body.used_ips).toBe(4);

    expect((await f.api.post('/ips', { range_id: subnetId, ip: '10.44.0.77' })).body).toEqual({
      NeutronError: { type: 'IpAddressAlreadyAllocated', message: `IP address 10.44.0.77 already allocated in subnet ${subnetId}`, detail: '' },
    });
    expect((await f.api.delete(`/ips/range/${subnetId}`)).body).toMatchObject({ NeutronError: { type: 'SubnetInUse' } });

    expect((await f.api.delete(`/ips/${subnetId}/10.44.0.77`)).status).toBe(200);
    expect((await f.api.get(`/ips/${subnetId}/10.44.0.77`)).body).toMatchObject({ NeutronError: { type: 'IpAddressAllocationNotFound' } });
    const rest = [one.body.ip, '10.44.0.1', ...bulk.body.ip_requests.map((r) => r.ip).filter((ip) => ip !== '10.44.0.77')];
    expect((await f.api.delete('/ips/bulk')).status).toBe(400);
    const bulkRelease = await fetch(`${f.service.baseUrl}/ips/bulk`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ip_requests: rest.map((ip) => ({ range_id: subnetId, ip })) }),
    });
    expect(bulkRelease.status).toBe(200);
    expect((await f.api.get<IpRequest[]>(`/ips/${subnetId}`)).body).toEqual([]);
    expect((await f.api.delete(`/ips/range/${subnetId}`)).status).toBe(200);
  });

  it('serves IPv6 addresses in paths and answers Neutron errors for bad requests', async () => {
    const subnetId = randomUUID();
    expect((await f.api.post('/ips/range', { vpc_id: randomUUID(), subnet_id: subnetId, cidr: 'fd00:44::/64' })).status).toBe(201);
    const v6 = await f.api.post<IpRequest>('/ips', { range_id: subnetId, ip: 'FD00:44::0A' });
    expect(v6.body).toMatchObject({ ip: 'fd00:44::a', ip_version: 6 });
    expect((await f.api.get<IpRequest>(`/ips/${subnetId}/fd00:44:0::a`)).body.ip).toBe('fd00:44::a');
    expect((await f.api.post('/ips', { range_id: subnetId, ip_version: 4 })).status).toBe(400);
    expect((await f.api.post('/ips', { range_id: subnetId, subnet_id: randomUUID() })).status).toBe(400);
    expect((await f.api.post('/ips', { vpc_id: randomUUID() })).status).toBe(400);
    expect((await f.api.post('/ips', { range_id: randomUUID() })).body).toMatchObject({ NeutronError: { type: 'SubnetNotFound' } });
    expect((await f.api.post('/ips', { range_id: subnetId, ip: '10.0.0.1' })).body).toMatchObject({ NeutronError: { type: 'InvalidIpForSubnet' } });
    expect((await f.api.get(`/ips/${subnetId}/nope`)).body).toMatchObject({ NeutronError: { type: 'InvalidInput' } });
    expect((await f.api.post('/ips', '{"range_id":')).body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest' } });
  });
});

describe('Alcor /ips API and internal endpoints are admin only (trusted headers, PGlite)', () => {
  let f: IpamFixture;
  beforeAll(async () => (f = await startIpamService('pglite', { AUTH_STRATEGY: 'trusted-headers' })));
  afterAll(() => f?.service.close());

  it('refuses tenants and accepts admins and the REST allocator', async () => {
    const tenant = { 'x-project-id': 'tenant-a', 'x-roles': 'member' };
    for (const [method, path] of [
      ['GET', '/ips/range'],
      ['POST', '/ips'],
      ['POST', '/internal/ip-ranges'],
      ['POST', '/internal/ip-usage'],
    ] as const) {
      const response = await fetch(`${f.service.baseUrl}${path}`, { method, headers: { ...tenant, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      expect(response.status).toBe(403);
    }
    expect((await f.api.get('/ips/range')).status).toBe(401);
    expect((await f.api.get('/ips/range', { 'x-project-id': 'ops', 'x-roles': 'admin' })).status).toBe(200);
    const subnetId = randomUUID();
    await f.allocators.rest.createRange({ subnetId, networkId: randomUUID(), projectId: 'p', ipVersion: 4, cidr: '10.1.0.0/30', gatewayIp: null, allocationPools: [{ start: '10.1.0.1', end: '10.1.0.2' }] });
    expect(await f.allocators.rest.usage([subnetId])).toEqual([{ subnetId, totalIps: 2, usedIps: 0 }]);
  });

  it('validates internal bodies structurally with Neutron’s 400', async () => {
    const admin = { 'x-project-id': 'ops', 'x-roles': 'admin' };
    const response = await f.api.post('/internal/ip-allocations', { requests: [{ subnetId: 'x' }] }, admin);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ NeutronError: { type: 'HTTPBadRequest' } });
  });

  it('documents its endpoints in OpenAPI and serves health probes', async () => {
    const doc = await f.api.get<{ paths: Record<string, unknown> }>('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/ips', '/ips/bulk', '/ips/{rangeId}/{ip}', '/ips/{rangeId}', '/ips/range', '/ips/range/{rangeId}', '/internal/ip-ranges', '/internal/ip-allocations']),
    );
    expect((await f.api.get('/readyz')).body).toMatchObject({ status: 'UP' });
  });
});
