import { randomBytes } from 'node:crypto';

/**
 * What the suites against the real Keystone of deploy/local/keystone.sh need from it: tokens,
 * throwaway projects and users, and a catalog entry for the network service. Keystone there runs
 * on sqlite with one uWSGI worker; a write can fail with "database is locked" (500) or a dropped
 * connection, so calls are retried a few times.
 */
export const keystoneUrl = (process.env.TEST_KEYSTONE_URL ?? 'http://127.0.0.1:15000/v3').replace(/\/$/, '');
export const keystoneAdminPassword = process.env.TEST_KEYSTONE_ADMIN_PASSWORD ?? 'alcor-admin';
/** The service user the server validates tokens with (deploy/local/keystone.sh creates it). */
export const keystoneServiceUser = {
  user: process.env.TEST_KEYSTONE_SERVICE_USER ?? 'neutron',
  password: process.env.TEST_KEYSTONE_SERVICE_PASSWORD ?? 'alcor-neutron',
  project: 'service',
};

/** The server's environment for AUTH_STRATEGY=keystone against that Keystone. */
export const keystoneAuthEnvironment = {
  AUTH_STRATEGY: 'keystone' as const,
  KEYSTONE_URL: keystoneUrl,
  KEYSTONE_SERVICE_USER: keystoneServiceUser.user,
  KEYSTONE_SERVICE_PASSWORD: keystoneServiceUser.password,
  KEYSTONE_SERVICE_PROJECT: keystoneServiceUser.project,
  // One uWSGI worker on a busy 2-core machine answers a validation in 1-3 s.
  KEYSTONE_TIMEOUT_MS: 20_000,
};

async function withRetries(what: string, attempt: () => Promise<Response>): Promise<Response> {
  let last = '';
  for (let i = 0; i < 4; i++) {
    try {
      const res = await attempt();
      if (res.status < 500) return res;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * (i + 1)));
  }
  throw new Error(`${what}: ${last}`);
}

/** A project-scoped token (X-Subject-Token) for a user of the Default domain. */
export async function keystoneLogin(user: string, password: string, project: string): Promise<string> {
  const res = await withRetries(`login of ${user}`, () =>
    fetch(`${keystoneUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password } } },
          scope: { project: { name: project, domain: { id: 'default' } } },
        },
      }),
    }),
  );
  const token = res.headers.get('x-subject-token');
  if (res.status !== 201 || !token) throw new Error(`login of ${user} failed: ${res.status} ${await res.text()}`);
  return token;
}

export interface KeystoneAdmin {
  token: string;
  call<T>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function keystoneAdmin(): Promise<KeystoneAdmin> {
  const token = await keystoneLogin('admin', keystoneAdminPassword, 'admin');
  return {
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await withRetries(`${method} ${path}`, () =>
        fetch(`${keystoneUrl}${path}`, { method, headers: { 'x-auth-token': token, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined }),
      );
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
  };
}

export interface ProjectUser {
  projectId: string;
  project: string;
  user: string;
  password: string;
}

/** A new project with a new user holding `role` on it (Keystone's member, reader, …). */
export async function projectWithUser(admin: KeystoneAdmin, prefix: string, role = 'member', existingProject?: ProjectUser): Promise<ProjectUser> {
  const suffix = randomBytes(4).toString('hex');
  const roleId = (await admin.call<{ roles: { id: string }[] }>('GET', `/roles?name=${role}`)).roles[0].id;
  const project = existingProject?.project ?? `${prefix}p-${suffix}`;
  const projectId =
    existingProject?.projectId ?? (await admin.call<{ project: { id: string } }>('POST', '/projects', { project: { name: project, domain_id: 'default' } })).project.id;
  const user = `${prefix}u-${suffix}`;
  const password = `pw-${user}`;
  const userId = (await admin.call<{ user: { id: string } }>('POST', '/users', { user: { name: user, domain_id: 'default', password } })).user.id;
  await admin.call('PUT', `/projects/${projectId}/users/${userId}/roles/${roleId}`);
  return { projectId, project, user, password };
}

/**
 * A region of its own with a `network` service whose public endpoint is `url`, as a deployment
 * registers Neutron; clients that pick that region find the server through the catalog.
 * Returns the cleanup.
 */
export async function registerNetworkEndpoint(admin: KeystoneAdmin, region: string, url: string): Promise<() => Promise<void>> {
  await admin.call('POST', '/regions', { region: { id: region } });
  const service = (await admin.call<{ service: { id: string } }>('POST', '/services', { service: { type: 'network', name: `neutron-${region}` } })).service;
  await admin.call('POST', '/endpoints', { endpoint: { service_id: service.id, interface: 'public', region_id: region, url } });
  return async () => {
    await admin.call('DELETE', `/services/${service.id}`);
    await admin.call('DELETE', `/regions/${region}`);
  };
}
