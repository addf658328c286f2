import { storeKinds } from '@alcor/testing';
import { faultOf, RouterBody } from './l3-fixture';
import { startStandalone, StandaloneFixture } from './standalone-fixture';

describe.each(storeKinds())('router quota on %s', (kind) => {
  let limited: StandaloneFixture;
  beforeAll(async () => (limited = await startStandalone(kind, { QUOTA_ROUTER: 2 })));
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
});
