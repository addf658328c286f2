import { randomUUID } from 'node:crypto';
import { NeutronError } from '../errors/neutron-error';
import { isInternalServiceCall } from './internal-service';
import { KeystoneTokenValidator } from './keystone/keystone-token-validator';
import { NOAUTH_PROJECT_ID, RequestContext } from './request-context';

export type AuthStrategy = 'noauth' | 'trusted-headers' | 'keystone';

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** keystonemiddleware's words for a request without a valid token. */
export const authenticationRequired = () => new NeutronError(401, 'HTTPUnauthorized', 'The request you have made requires authentication.');
export const keystoneUnavailable = () => new NeutronError(503, 'HTTPServiceUnavailable', 'The Keystone service is temporarily unavailable.');

/**
 * Derives the caller from the request.
 * - noauth: as Neutron's noauth, every caller is admin of `fake_project_id`.
 * - trusted-headers: behind a proxy that already authenticated the caller (keystonemiddleware's
 *   X-Project-Id / X-Roles headers); admin only with the `admin` role.
 * - keystone: X-Auth-Token validated against Keystone v3 (cached); project and roles from the token.
 *   Another manager of the deployment, proving itself with the internal service token, is taken
 *   at its headers' word, as behind trusted headers.
 */
export async function resolveRequestContext(strategy: AuthStrategy, headers: Headers, validator?: KeystoneTokenValidator): Promise<RequestContext> {
  const requestId = `req-${randomUUID()}`;
  if (strategy === 'noauth') return { projectId: NOAUTH_PROJECT_ID, isAdmin: true, roles: ['admin'], requestId };
  if (strategy === 'keystone' && !isInternalServiceCall(headers)) return keystoneContext(headers, requestId, validator);
  const projectId = first(headers['x-project-id']) ?? first(headers['x-tenant-id']);
  if (!projectId) throw new NeutronError(401, 'HTTPUnauthorized', 'Authentication required: X-Project-Id missing');
  const roles = (first(headers['x-roles']) ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  return { projectId, isAdmin: roles.includes('admin'), roles, requestId };
}

async function keystoneContext(headers: Headers, requestId: string, validator?: KeystoneTokenValidator): Promise<RequestContext> {
  if (!validator) throw new Error('AUTH_STRATEGY=keystone without a token validator');
  const token = first(headers['x-auth-token'])?.trim();
  if (!token) throw authenticationRequired();
  const verdict = await validator.verify(token);
  if (!verdict.ok) throw verdict.reason === 'unavailable' ? keystoneUnavailable() : authenticationRequired();
  const { projectId, roles } = verdict.identity;
  return { projectId, isAdmin: roles.includes('admin'), roles, requestId };
}
