import { apiClient, ApiClient } from '@alcor/testing';
import { keystoneAdmin, keystoneAuthEnvironment, keystoneLogin, keystoneUrl, projectWithUser } from './keystone-admin';
import { Body, startStandalone, StandaloneFixture } from './standalone-fixture';

/**
 * AUTH_STRATEGY=keystone against a real Keystone (deploy/local/keystone.sh up prints
 * KEYSTONE_URL; run with TEST_KEYSTONE_URL set to it). In CI a missing Keystone fails this suite.
 */
const keystoneSet = process.env.TEST_KEYSTONE_URL !== undefined;

if (!keystoneSet && process.env.CI !== 'true') console.warn('SKIPPED real Keystone suite: TEST_KEYSTONE_URL is not set (run deploy/local/keystone.sh up)');

(keystoneSet || process.env.CI === 'true' ? describe : describe.skip)('AUTH_STRATEGY=keystone against a real Keystone', () => {
  const url = keystoneUrl;
  let f: StandaloneFixture;
  let adminToken: string;
  const tokens: Record<'a' | 'b' | 'reader', string> = { a: '', b: '', reader: '' };
  const as = (token: string): ApiClient => apiClient(f.service.baseUrl, { 'x-auth-token': token });

  beforeAll(async () => {
    const admin = await keystoneAdmin();
    adminToken = admin.token;
    const a = await projectWithUser(admin, 'qa');
    const b = await projectWithUser(admin, 'qb');
    const reader = await projectWithUser(admin, 'qr', 'reader', a);
    tokens.a = await keystoneLogin(a.user, a.password, a.project);
    tokens.b = await keystoneLogin(b.user, b.password, b.project);
    tokens.reader = await keystoneLogin(reader.user, reader.password, reader.project);
    f = await startStandalone('pglite', {
      ...keystoneAuthEnvironment,
      // Short, so a revoked token is seen as revoked within the test.
      KEYSTONE_TOKEN_CACHE_SECONDS: 1,
    });
  }, 120_000);
  afterAll(() => f?.service.close());

  it("maps Keystone's projects and roles: isolation, admin sees all, reader only reads, revoked tokens stop working", async () => {
    expect((await apiClient(f.service.baseUrl).get('/v2.0/networks')).status).toBe(401);
    expect((await as('gAAAAABnot-a-real-fernet-token').get('/v2.0/networks')).status).toBe(401);

    const network = (await as(tokens.a).post<{ network: Body }>('/v2.0/networks', { network: { name: 'real-ks-a' } })).body.network;
    expect(network.project_id).toMatch(/^[0-9a-f]{32}$/);
    expect((await as(tokens.b).get(`/v2.0/networks/${network.id}`)).status).toBe(404);
    expect((await as(tokens.b).get<{ networks: Body[] }>('/v2.0/networks')).body.networks.some((n) => n.id === network.id)).toBe(false);
    expect((await as(tokens.reader).get<{ network: Body }>(`/v2.0/networks/${network.id}`)).body.network.name).toBe('real-ks-a');
    expect((await as(tokens.reader).post('/v2.0/networks', { network: { name: 'nope' } })).body).toEqual({
      NeutronError: { type: 'PolicyNotAuthorized', message: 'rule:create_network is disallowed by policy', detail: '' },
    });
    expect((await as(adminToken).get<{ networks: Body[] }>('/v2.0/networks')).body.networks.some((n) => n.id === network.id)).toBe(true);

    const revoke = await fetch(`${url}/auth/tokens`, { method: 'DELETE', headers: { 'x-auth-token': adminToken, 'x-subject-token': tokens.b } });
    expect(revoke.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await as(tokens.b).get('/v2.0/networks')).status).toBe(401);
    expect((await as(tokens.a).delete(`/v2.0/networks/${network.id}`)).status).toBe(204);
  }, 120_000);
});
