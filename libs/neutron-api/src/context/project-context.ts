import { toProjectId } from '../attributes/converters';
import { forbidden } from '../errors/neutron-error';
import { RequestContext } from './request-context';

/**
 * Alcor's native API names the project in the path. The caller acts within that project (its
 * queries are scoped to it), and only an admin may act in a project other than its own.
 */
export function projectContext(caller: RequestContext, projectIdInPath: string): RequestContext {
  const projectId = toProjectId(projectIdInPath, 'project_id');
  if (!caller.isAdmin && caller.projectId !== projectId) {
    throw forbidden(`Project ${projectId} is not the caller's project`, 'PolicyNotAuthorized');
  }
  return { ...caller, projectId, projectScoped: true };
}

/** Another manager acting for a project: it sees what that project sees. */
export function serviceContext(projectId: string): RequestContext {
  return { projectId, isAdmin: false, roles: ['service'], requestId: 'internal' };
}
