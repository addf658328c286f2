/** Who is calling: set once per request by the auth layer, read by every use case. */
export interface RequestContext {
  projectId: string;
  isAdmin: boolean;
  roles: readonly string[];
  requestId: string;
  /** Set on Alcor's /project/{id}/ routes: queries stay within that project even for an admin. */
  projectScoped?: boolean;
}

/** Neutron's noauth caller: admin of this project. */
export const NOAUTH_PROJECT_ID = 'fake_project_id';

/** Tenant isolation in one place: the project a query must be scoped to, or undefined for admin. */
export function scopeProject(ctx: RequestContext): string | undefined {
  return ctx.isAdmin && !ctx.projectScoped ? undefined : ctx.projectId;
}
