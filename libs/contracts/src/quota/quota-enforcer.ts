/** The resources Neutron's quota engine counts (neutron.quota.resource_registry names). */
export const QUOTA_RESOURCES = ['network', 'subnet', 'port', 'router', 'floatingip', 'security_group', 'security_group_rule'] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

/**
 * Undoes one consume or release. Register it with transactionWithCompensation's `onFailure`:
 * in-process it is a no-op (the change rolled back with the caller's transaction); in split mode
 * it reverts the quota manager's committed change, exactly once (safe to call twice).
 */
export type QuotaUndo = () => Promise<void>;

/**
 * The quota manager's enforcement API, called by every use case that creates or deletes a counted
 * resource, inside its unit of work:
 *
 *   onFailure(await this.quota.consume(projectId, 'port', ports.length));   // create / bulk create
 *   onFailure(await this.quota.release(port.projectId, 'port', 1));          // delete
 *
 * In-process both join the caller's ambient transaction (libs/persistence), so the usage and the
 * resource rows commit or roll back together. `consume` is atomic and all-or-none: when
 * used + count would exceed the project's limit (-1 = unlimited) it changes nothing and throws
 * Neutron's 409 OverQuota ("Quota exceeded for resources: ['port']."). `release` never takes
 * usage below zero. Call release once per deleted resource, after the delete succeeded.
 */
export interface QuotaEnforcer {
  consume(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo>;
  release(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo>;
}

export const QUOTA_ENFORCER = Symbol('QuotaEnforcer');

/**
 * Counts one `resource` per entry of `projectIds` (an admin's bulk may span projects), one call
 * per project, registering each undo. A process without a quota manager (a single-lib test
 * module) passes no enforcer: nothing is counted.
 */
export async function consumeQuota(
  enforcer: QuotaEnforcer | undefined,
  resource: QuotaResource,
  projectIds: readonly string[],
  onFailure: (undo: QuotaUndo) => void,
): Promise<void> {
  if (!enforcer) return;
  for (const [projectId, count] of countByProject(projectIds)) onFailure(await enforcer.consume(projectId, resource, count));
}

/** Gives one `resource` back per entry of `projectIds`, registering each undo. */
export async function releaseQuota(
  enforcer: QuotaEnforcer | undefined,
  resource: QuotaResource,
  projectIds: readonly string[],
  onFailure: (undo: QuotaUndo) => void,
): Promise<void> {
  if (!enforcer) return;
  for (const [projectId, count] of countByProject(projectIds)) onFailure(await enforcer.release(projectId, resource, count));
}

function countByProject(projectIds: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of projectIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
