import { forbidden, RequestContext } from '@alcor/neutron-api';

/**
 * Nodes and NCMs are infrastructure, not tenant resources: only a cloud admin (not one acting
 * within a project) may read or change them.
 */
export function assertCloudAdmin(ctx: RequestContext, rule: string): void {
  if (!ctx.isAdmin || ctx.projectScoped) throw forbidden(`(rule:${rule}) is disallowed by policy`, 'PolicyNotAuthorized');
}

/** Another manager of this control plane asking in process (e.g. the port manager binding a host). */
export const INTERNAL_CONTEXT: RequestContext = { projectId: '', isAdmin: true, roles: ['admin', 'service'], requestId: 'internal' };
