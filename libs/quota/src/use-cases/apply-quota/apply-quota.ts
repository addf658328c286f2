import { Injectable } from '@nestjs/common';
import { QuotaResource } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { QuotaApplyEntity, ResourceDelta } from '../../domain/quota-apply.entity';
import { EnforceQuota } from '../enforce-quota/enforce-quota';

/** Applies are kept this long for an undo (Alcor's ApplyInfo expires after one day). */
const APPLY_RETENTION_MS = 24 * 3600 * 1000;

/**
 * Usage changes for managers in other processes (Alcor's POST /project/{pid}/quota/apply):
 * positive amounts consume (all-or-none against the limits), negative ones release. The apply is
 * remembered under its id so the caller can cancel it once when its own transaction fails.
 */
@Injectable()
export class ApplyQuota {
  constructor(
    private readonly database: Database,
    private readonly enforce: EnforceQuota,
  ) {}

  apply(applyId: string, projectId: string, deltas: ResourceDelta[]): Promise<void> {
    return this.database.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO quota_applies (apply_id, project_id, resource_deltas, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (apply_id) DO NOTHING RETURNING apply_id`,
        [applyId, projectId, JSON.stringify(deltas)],
      );
      if (inserted.length === 0) return; // a retried call: already applied
      for (const { resource, amount } of deltas) {
        if (amount > 0) await this.enforce.consume(projectId, resource as QuotaResource, amount);
        else await this.enforce.release(projectId, resource as QuotaResource, -amount);
      }
      await tx.query('DELETE FROM quota_applies WHERE created_at < $1', [new Date(Date.now() - APPLY_RETENTION_MS)]);
    });
  }

  /** Reverts an apply exactly once; an unknown or already cancelled id is not an error. */
  cancel(applyId: string): Promise<void> {
    return this.database.transaction(async (tx) => {
      const [apply] = await tx.getRepository(QuotaApplyEntity).find({ where: { applyId }, lock: { mode: 'pessimistic_write' } });
      if (!apply) return;
      await tx.delete(QuotaApplyEntity, { applyId });
      for (const { resource, amount } of apply.resourceDeltas) {
        if (amount > 0) await this.enforce.release(apply.projectId, resource as QuotaResource, amount);
        else await this.enforce.restore(apply.projectId, resource as QuotaResource, -amount);
      }
    });
  }
}
