import { EntityManager } from 'typeorm';
import { QuotaResource } from '@alcor/contracts';
import { QuotaLimits } from './quota-defaults';
import { QuotaLimitEntity } from './quota-limit.entity';
import { QuotaUsageEntity } from './quota-usage.entity';

/** Quota rows of one project; every statement takes the caller's transaction. */
export const QuotaRepository = {
  /**
   * Adds `amount` to the project's usage if the limit allows it, in one statement: the upsert
   * creates the row on first use, else takes its lock and checks the newest count (ON CONFLICT DO
   * UPDATE always sees the latest version), so concurrent callers take turns and the limit holds.
   * False: over quota, nothing changed. `enforce: false` applies the change whatever the limit
   * (undoing a release).
   */
  async add(tx: EntityManager, projectId: string, resource: QuotaResource, amount: number, defaultLimit: number, enforce = true): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH lim AS (
         SELECT COALESCE((SELECT hard_limit FROM quota_limits WHERE project_id = $1 AND resource = $2), $4::integer) AS hard_limit
       ), changed AS (
         INSERT INTO quota_usages AS u (project_id, resource, in_use)
         SELECT $1, $2, $3::integer FROM lim
          WHERE NOT $5::boolean OR lim.hard_limit = -1 OR $3::integer <= lim.hard_limit
         ON CONFLICT (project_id, resource) DO UPDATE SET in_use = u.in_use + EXCLUDED.in_use
          WHERE NOT $5::boolean OR (SELECT hard_limit FROM lim) = -1 OR u.in_use + EXCLUDED.in_use <= (SELECT hard_limit FROM lim)
         RETURNING u.in_use
       ) SELECT in_use FROM changed`,
      [projectId, resource, amount, defaultLimit, enforce],
    );
    return rows.length > 0;
  },

  /** Takes `amount` off the usage, never below zero. */
  async subtract(tx: EntityManager, projectId: string, resource: QuotaResource, amount: number): Promise<void> {
    await tx.query('UPDATE quota_usages SET in_use = GREATEST(in_use - $3, 0) WHERE project_id = $1 AND resource = $2', [projectId, resource, amount]);
  },

  async limits(tx: EntityManager, projectIds?: string[]): Promise<QuotaLimitEntity[]> {
    const qb = tx.getRepository(QuotaLimitEntity).createQueryBuilder('l').orderBy('l.project_id').addOrderBy('l.resource');
    if (projectIds) qb.where('l.project_id IN (:...projectIds)', { projectIds });
    return qb.getMany();
  },

  async usages(tx: EntityManager, projectId: string): Promise<QuotaUsageEntity[]> {
    return tx.getRepository(QuotaUsageEntity).find({ where: { projectId } });
  },

  async setLimits(tx: EntityManager, projectId: string, limits: Partial<QuotaLimits>): Promise<void> {
    const rows = Object.entries(limits).map(([resource, hardLimit]) => ({ projectId, resource, hardLimit: hardLimit as number }));
    if (rows.length > 0) await tx.getRepository(QuotaLimitEntity).upsert(rows, ['projectId', 'resource']);
  },

  async resetLimits(tx: EntityManager, projectId: string): Promise<void> {
    await tx.delete(QuotaLimitEntity, { projectId });
  },
};
