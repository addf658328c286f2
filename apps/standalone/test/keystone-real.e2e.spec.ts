import { randomBytes } from 'node:crypto';
import { apiClient, ApiClient } from '@alcor/testing';
import { Body, startStandalone, StandaloneFixture } from './standalone-fixture';

/**
 * AUTH_STRATEGY=keystone against a real Keystone (deploy/local/keystone.sh up prints
 * KEYSTONE_URL; run with TEST_KEYSTONE_URL set to it). In CI a missing Keystone fails this suite.
 */
const keystoneUrl = process.env.TEST_KEYSTONE_URL;
const adminPassword = process.env.TEST_KEYSTONE_ADMIN_PASSWORD ?? 'alcor-admin';
const service = { user: process.env.TEST_KEYSTONE_SERVICE_USER ?? 'neutron', password: process.env.TEST_KEYSTONE_SERVICE_PASSWORD ?? 'alcor-neutron', project: 'service' };

if (!keystoneUrl && process.env.CI !== 'true') console.warn('SKIPPED real Keystone suite: TEST_KEYSTONE_URL is not set (run deploy/local/keystone.sh up)');

(keystoneUrl || process.env.CI === 'true' ? describe : describe.skip)('AUTH_STRATEGY=keystone against a real Keystone', () => {
  const url = (keystoneUrl ?? 'http://127.0.0.1:15000/v3').replace(/\/$/, '');
  let f: StandaloneFixture;
  let adminToken: string;
  const tokens: Record<'a' | 'b' | 'reader', string> = { a: '', b: '', reader: '' };
  const as = (token: string): ApiClient => apiClient(f.service.baseUrl, { 'x-auth-token': token });

  async function login(user: string, password: string, project: string): Promise<string> {
    const res = await fetch(`${url}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password } } },
          scope: { project: { name: project, domain: { id: 'default' } } },
        },
      }),
    });
    const token = res.headers.get('x-subject-token');
    if (res.status !== 201 || !token) throw new Error(`login of ${user} failed: ${res.status} ${await res.text()}`);
    return token;
  }

  async function keystone<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, { method, headers: { 'x-auth-token': adminToken, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  beforeAll(async () => {
    adminToken = await login('admin', adminPassword, 'admin');
    const suffix = randomBytes(4).toString('hex');
    const roleId = async (name: string) => (await keystone<{ roles: { id: string }[] }>('GET', `/roles?name=${name}`)).roles[0].id;
    const [member, reader] = [await roleId('member'), await roleId('reader')];
    const project = async (name: string) => (await keystone<{ project: { id: string } }>('POST', '/projects', { project: { name, domain_id: 'default' } })).project.id;
    const user = async (name: string) => (await keystone<{ user: { id: string } }>('POST', '/users', { user: { name, domain_id: 'default', password: 'pw-' + name } })).user.id;
    const pa = await project(`qa-${suffix}`);
    const pb = await project(`qb-${suffix}`);
    for (const [name, projectId, role] of [[`ua-${suffix}`, pa, member], [`ub-${suffix}`, pb, member], [`ur-${suffix}`, pa, reader]] as const) {
      await keystone('PUT', `/projects/${projectId}/users/${await user(name)}/roles/${role}`);
    }
    tokens.a = await login(`ua-${suffix}`, `pw-ua-${suffix}`, `qa-${suffix}`);
    tokens.b = await login(`ub-${suffix}`, `pw-ub-${suffix}`, `qb-${suffix}`);
    tokens.reader = await login(`ur-${suffix}`, `pw-ur-${suffix}`, `qa-${suffix}`);
    f = await startStandalone('pglite', {
      AUTH_STRATEGY: 'keystone',
      KEYSTONE_URL: url,
      KEYSTONE_SERVICE_USER: service.user,
      KEYSTONE_SERVICE_PASSWORD: service.password,
      KEYSTONE_SERVICE_PROJECT: service.project,
      // Short, so a revoked token is seen as revoked within the test.
      KEYSTONE_TOKEN_CACHE_SECONDS: 1,
      // One uWSGI worker on a busy 2-core machine answers a validation in 1-3 s.
      KEYSTONE_TIMEOUT_MS: 20_000,
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
