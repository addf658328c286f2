import { forbidden, RequestContext, toProjectId } from '@alcor/neutron-api';

type QuotaAction = 'get_quota' | 'update_quota' | 'delete_quota';

/** Neutron's quota policy: a project reads its own quotas; anything else is admin-only. */
export function authorizeQuota(ctx: RequestContext, action: QuotaAction, projectIdParam?: string): string | undefined {
  const projectId = projectIdParam === undefined ? undefined : toProjectId(projectIdParam, 'project_id');
  const ownRead = action === 'get_quota' && projectId !== undefined && projectId === ctx.projectId;
  if (!ctx.isAdmin && !ownRead) throw forbidden(`rule:${action} is disallowed by policy`, 'PolicyNotAuthorized');
  return projectId;
}
