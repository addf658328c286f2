import { storeKinds } from '@alcor/testing';
import { externalNetwork, faultOf, FipBody, RouterBody } from './l3-fixture';
import { startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('router and floating-IP quotas on %s', (kind) => {
  let limited: StandaloneFixture;
  beforeAll(async () => (limited = await startStandalone(kind, { QUOTA_ROUTER: 2, QUOTA_FLOATINGIP: 1 })));
  afterAll(() => limited?.service.close());

  it('counts routers against the router quota (OverQuota past the limit, released on delete)', async () => {
    const made = await Promise.all([1, 2, 3].map(() => limited.api.post<{ router: RouterBody }>('/v2.0/routers', { router: {} })));
    expect(made.filter((r) => r.status === 201)).toHaveLength(2);
    const over = made.find((r) => r.status !== 201);
    expect(over?.status).toBe(409);
    expect(faultOf(over?.body).type).toBe('OverQuota');
    expect((await limited.api.delete(`/v2.0/routers/${made.find((r) => r.status === 201)?.body.router.id}`)).status).toBe(204);
    expect((await limited.api.post('/v2.0/routers', { router: {} })).status).toBe(201);
    expect((await limited.api.post('/v2.0/routers', { router: {} })).status).toBe(409);
  });

  it('counts floating IPs against the floatingip quota; a refused one leaves no port or address behind', async () => {
    const ext = await externalNetwork(limited.api, '198.51.100.0/24');
    const first = await limited.api.post<{ floatingip: FipBody }>('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } });
    expect(first.status).toBe(201);
    const second = await limited.api.post('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } });
    expect(second.status).toBe(409);
    expect(faultOf(second.body)).toMatchObject({ type: 'OverQuota', message: "Quota exceeded for resources: ['floatingip']." });
    expect((await limited.api.get<{ used_ips: number }>(`/ips/range/${ext.subnet.id}`)).body.used_ips).toBe(1);
    expect((await limited.api.get<{ ports: unknown[] }>(`/v2.0/ports?network_id=${ext.network.id}`)).body.ports).toHaveLength(1);
    expect((await limited.api.delete(`/v2.0/floatingips/${first.body.floatingip.id}`)).status).toBe(204);
    expect((await limited.api.post('/v2.0/floatingips', { floatingip: { floating_network_id: ext.network.id } })).status).toBe(201);
  });
});
