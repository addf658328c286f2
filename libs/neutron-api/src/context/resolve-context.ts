import { randomUUID } from 'node:crypto';
import { NeutronError } from '../errors/neutron-error';
import { NOAUTH_PROJECT_ID, RequestContext } from './request-context';

export type AuthStrategy = 'noauth' | 'trusted-headers';

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Derives the caller from the request.
 * - noauth: as Neutron's noauth, every caller is admin of `fake_project_id`.
 * - trusted-headers: behind a proxy that already authenticated the caller (keystonemiddleware's
 *   X-Project-Id / X-Roles headers); admin only with the `admin` role.
 */
export function resolveRequestContext(strategy: AuthStrategy, headers: Headers): RequestContext {
  const requestId = `req-${randomUUID()}`;
  if (strategy === 'noauth') return { projectId: NOAUTH_PROJECT_ID, isAdmin: true, roles: ['admin'], requestId };
  const projectId = first(headers['x-project-id']) ?? first(headers['x-tenant-id']);
  if (!projectId) throw new NeutronError(401, 'HTTPUnauthorized', 'Authentication required: X-Project-Id missing');
  const roles = (first(headers['x-roles']) ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  return { projectId, isAdmin: roles.includes('admin'), roles, requestId };
}
