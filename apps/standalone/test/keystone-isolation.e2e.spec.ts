import { apiClient, ApiClient, storeKinds } from '@alcor/testing';
import { FakeKeystone } from './keystone-fake';
import { Body, PortBody, startStandalone, StandaloneFixture } from './standalone-fixture';

type Fault = { NeutronError: { type: string; message: string; detail: string } };

/**
 * AUTH_STRATEGY=keystone against a Keystone-v3-compatible token endpoint the test serves (the
 * real Keystone runs in keystone-real.e2e.spec.ts): 401 without a valid token, 503 while Keystone
 * is down, a cached token costs no Keystone call, and no project reads or changes another's
 * networks, subnets or ports; admin can; reader only reads.
 */
describe.each(storeKinds())('Keystone authentication and tenant isolation on %s', (kind) => {
  let keystone: FakeKeystone;
  let f: StandaloneFixture;
  let tokenA: string;
  const as = (token: string): ApiClient => apiClient(f.service.baseUrl, { 'x-auth-token': token });

  beforeAll(async () => {
    keystone = await new FakeKeystone().start();
    f = await startStandalone(kind, {
      AUTH_STRATEGY: 'keystone',
      KEYSTONE_URL: `${keystone.url}/v3`,
      KEYSTONE_SERVICE_USER: 'neutron',
      KEYSTONE_SERVICE_PASSWORD: 'secret',
      KEYSTONE_SERVICE_PROJECT: 'service',
    });
    tokenA = keystone.issue('project-a', ['member', 'reader']);
  }, 120_000);
  afterAll(async () => {
    await f?.service.close();
    await keystone?.stop();
  });

  it('answers 401 with a Neutron body without a valid token, and keeps version discovery open', async () => {
    const anonymous = apiClient(f.service.baseUrl);
    for (const res of [await anonymous.get('/v2.0/networks'), await as('not-a-token').get('/v2.0/networks'), await anonymous.post('/v2.0/networks', { network: {} })]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ NeutronError: { type: 'HTTPUnauthorized', message: 'The request you have made requires authentication.', detail: '' } });
      expect(res.headers.get('www-authenticate')).toBe(`Keystone uri="${keystone.url}/v3"`);
    }
    // Trusted headers mean nothing here, nor does a guessed internal service token.
    const spoofed = apiClient(f.service.baseUrl, { 'x-project-id': 'project-a', 'x-roles': 'admin', 'x-alcor-service-token': 'guess' });
    expect((await spoofed.get('/v2.0/networks')).status).toBe(401);
    const expired = keystone.issue('project-a', ['member'], -1000);
    expect((await as(expired).get('/v2.0/networks')).status).toBe(401);
    expect((await anonymous.get('/')).status).toBe(200);
    expect((await anonymous.get('/healthz')).status).toBe(200);
    expect((await anonymous.get('/v2.0/networks')).status).toBe(401);
  });

  it('caches valid tokens (one Keystone call for many requests) and refused ones briefly', async () => {
    const token = keystone.issue('project-cache', ['member']);
    const before = keystone.validations;
    const answers = await Promise.all(Array.from({ length: 20 }, () => as(token).get('/v2.0/networks')));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(keystone.validations - before).toBe(1);
    const bad = 'gAAAA-never-issued';
    await as(bad).get('/v2.0/networks');
    await as(bad).get('/v2.0/networks');
    expect(keystone.validations - before).toBe(2);
  });

  it('answers 503 while Keystone is down, never letting an unvalidated token through', async () => {
    const fresh = keystone.issue('project-a', ['member']);
    keystone.down = true;
    try {
      const res = await as(fresh).post('/v2.0/networks', { network: { name: 'while-down' } });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ NeutronError: { type: 'HTTPServiceUnavailable', message: 'The Keystone service is temporarily unavailable.' } });
    } finally {
      keystone.down = false;
    }
    // The 503 was not cached as a verdict: the same token works once Keystone is back.
    expect((await as(fresh).get('/v2.0/networks?name=while-down')).body).toEqual({ networks: [] });
  });

  it('gets a new service token when Keystone stops accepting the old one', async () => {
    keystone.revokeServiceToken();
    expect((await as(keystone.issue('project-a', ['member'])).get('/v2.0/networks')).status).toBe(200);
  });

  it('never shows or changes one project’s networks, subnets and ports to another; admin sees and changes all', async () => {
    const a = as(tokenA);
    const b = as(keystone.issue('project-b', ['member', 'reader']));
    const admin = as(keystone.issue('admin-project', ['admin', 'member', 'reader']));

    const network = (await a.post<{ network: Body }>('/v2.0/networks', { network: { name: 'a-net' } })).body.network;
    expect(network.project_id).toBe('project-a');
    const subnet = (await a.post<{ subnet: Body }>('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.80.0.0/24' } })).body.subnet;
    const port = (await a.post<{ port: PortBody }>('/v2.0/ports', { port: { network_id: network.id, name: 'a-port' } })).body.port;
    const bNetwork = (await b.post<{ network: Body }>('/v2.0/networks', { network: { name: 'b-net' } })).body.network;
    expect(bNetwork.project_id).toBe('project-b');

    for (const [path, type] of [
      [`/v2.0/networks/${network.id}`, 'NetworkNotFound'],
      [`/v2.0/subnets/${subnet.id}`, 'SubnetNotFound'],
      [`/v2.0/ports/${port.id}`, 'PortNotFound'],
    ]) {
      expect((await b.get(path)).body).toMatchObject({ NeutronError: { type } });
      expect((await b.put(path, { [path.split('/')[2].slice(0, -1)]: { name: 'stolen' } })).status).toBe(404);
      expect((await b.delete(path)).status).toBe(404);
    }
    expect((await b.get<{ networks: Body[] }>('/v2.0/networks')).body.networks.map((n) => n.id)).toEqual([bNetwork.id]);
    expect((await b.get<{ subnets: Body[] }>(`/v2.0/subnets?network_id=${network.id}`)).body.subnets).toEqual([]);
    expect((await b.get<{ ports: Body[] }>('/v2.0/ports?tenant_id=project-a')).body.ports).toEqual([]);
    expect((await b.get<{ ports: Body[] }>(`/v2.0/ports?fixed_ips=ip_address=${port.fixed_ips[0].ip_address}`)).body.ports).toEqual([]);
    // Nor can it build on them or act in their name.
    expect((await b.post('/v2.0/subnets', { subnet: { network_id: network.id, ip_version: 4, cidr: '10.81.0.0/24' } })).body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } });
    expect((await b.post('/v2.0/ports', { port: { network_id: network.id } })).body).toMatchObject({ NeutronError: { type: 'NetworkNotFound' } });
    expect((await b.post('/v2.0/networks', { network: { name: 'x', project_id: 'project-a' } })).status).toBe(400);
    expect((await b.get(`/project/project-a/vpcs/${network.id}`)).status).toBe(403);
    expect((await b.get('/v2.0/quotas/project-a')).status).toBe(403);

    // Everything of A is still A's, unchanged.
    expect((await a.get<{ network: Body }>(`/v2.0/networks/${network.id}`)).body.network.name).toBe('a-net');
    expect((await a.get<{ port: Body }>(`/v2.0/ports/${port.id}`)).body.port.name).toBe('a-port');

    // The admin sees both projects and may change either.
    const all = (await admin.get<{ networks: Body[] }>('/v2.0/networks')).body.networks.map((n) => n.id);
    expect(all).toEqual(expect.arrayContaining([network.id, bNetwork.id]));
    expect((await admin.put<{ network: Body }>(`/v2.0/networks/${network.id}`, { network: { name: 'renamed-by-admin' } })).body.network.name).toBe('renamed-by-admin');
    expect((await admin.get<{ ports: Body[] }>('/v2.0/ports?tenant_id=project-a')).body.ports.map((p) => p.id)).toEqual([port.id]);
    expect((await admin.delete(`/v2.0/networks/${bNetwork.id}`)).status).toBe(204);
  });

  it('keeps security groups and routers to their project too', async () => {
    const a = as(tokenA);
    const b = as(keystone.issue('project-b', ['member']));
    const admin = as(keystone.issue('admin-project', ['admin', 'member']));
    const group = await a.post<{ security_group: Body }>('/v2.0/security-groups', { security_group: { name: 'a-sg' } });
    expect(group.status).toBe(201);
    const router = await a.post<{ router: Body }>('/v2.0/routers', { router: { name: 'a-router' } });
    expect(router.status).toBe(201);
    for (const path of [`/v2.0/security-groups/${group.body.security_group.id}`, `/v2.0/routers/${router.body.router.id}`]) {
      expect((await b.get(path)).status).toBe(404);
      expect((await b.delete(path)).status).toBe(404);
      expect((await admin.get(path)).status).toBe(200);
    }
    expect((await b.get<{ security_groups: Body[] }>('/v2.0/security-groups?name=a-sg')).body.security_groups).toEqual([]);
    expect((await b.get<{ routers: Body[] }>('/v2.0/routers?name=a-router')).body.routers).toEqual([]);
    expect((await b.put(`/v2.0/routers/${router.body.router.id}`, { router: { name: 'stolen' } })).status).toBe(404);
    expect((await a.get<{ router: Body }>(`/v2.0/routers/${router.body.router.id}`)).body.router.name).toBe('a-router');
  });

  it('lets a reader read its project and refuses every write with 403 PolicyNotAuthorized', async () => {
    const a = as(tokenA);
    const reader = as(keystone.issue('project-a', ['reader']));
    const network = (await a.post<{ network: Body }>('/v2.0/networks', { network: { name: 'read-me' } })).body.network;
    expect((await reader.get<{ network: Body }>(`/v2.0/networks/${network.id}`)).body.network.name).toBe('read-me');
    const writes = [
      [await reader.post('/v2.0/networks', { network: { name: 'nope' } }), 'rule:create_network is disallowed by policy'],
      [await reader.put(`/v2.0/networks/${network.id}`, { network: { name: 'nope' } }), 'rule:update_network is disallowed by policy'],
      [await reader.delete(`/v2.0/networks/${network.id}`), 'rule:delete_network is disallowed by policy'],
      [await reader.post('/v2.0/ports', { port: { network_id: network.id } }), 'rule:create_port is disallowed by policy'],
    ] as const;
    for (const [res, message] of writes) {
      expect(res.status).toBe(403);
      expect(res.body as unknown as Fault).toEqual({ NeutronError: { type: 'PolicyNotAuthorized', message, detail: '' } });
    }
    expect((await a.get<{ network: Body }>(`/v2.0/networks/${network.id}`)).body.network.name).toBe('read-me');
    expect((await a.get<{ ports: Body[] }>(`/v2.0/ports?network_id=${network.id}`)).body.ports).toEqual([]);
  });
});
