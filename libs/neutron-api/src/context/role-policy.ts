import { forbidden } from '../errors/neutron-error';
import { RequestContext } from './request-context';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const WRITE_ROLES = ['admin', 'member'];
const VERBS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

/** Keystone's reader role without member or admin: may look, not touch (Neutron's secure RBAC defaults). */
export function isReadOnly(ctx: RequestContext): boolean {
  return ctx.roles.includes('reader') && !ctx.roles.some((r) => WRITE_ROLES.includes(r));
}

/** Refuses a read-only caller's write with Neutron's PolicyNotAuthorized (403), naming the rule Neutron would. */
export function checkWriteAllowed(ctx: RequestContext, method: string, path: string): void {
  if (READ_METHODS.has(method) || !isReadOnly(ctx)) return;
  throw forbidden(`rule:${policyAction(method, path)} is disallowed by policy`, 'PolicyNotAuthorized');
}

/** POST /v2.0/security-groups -> create_security_group; PUT /v2.0/routers/{id}/add_router_interface -> add_router_interface. */
export function policyAction(method: string, path: string): string {
  const segments = path.split('?')[0].split('/').filter(Boolean);
  const start = segments[0] === 'v2.0' ? 1 : segments[0] === 'project' || segments[0] === 'v4' ? 2 : 0;
  const [collection = 'resource', id, action] = segments.slice(start);
  if (method === 'PUT' && id && action && action !== 'tags') return action.replace(/-/g, '_');
  const member = collection.replace(/-/g, '_').replace(/ies$/, 'y').replace(/s$/, '');
  return `${VERBS[method] ?? 'access'}_${member}${action === 'tags' ? '_tags' : ''}`;
}
