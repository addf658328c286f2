import { Inject, Injectable } from '@nestjs/common';
import { QuotaResource } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { overQuota } from '../../domain/over-quota';
import { QUOTA_DEFAULTS, QuotaLimits } from '../../domain/quota-defaults';
import { QuotaRepository } from '../../domain/quota.repository';

/**
 * Counts creates and deletes against a project's limits. Each call is a unit of work, so inside a
 * resource's transaction it joins it: the usage commits or rolls back with the resource.
 */
@Injectable()
export class EnforceQuota {
  constructor(
    private readonly database: Database,
    @Inject(QUOTA_DEFAULTS) private readonly defaults: QuotaLimits,
  ) {}

  /** All-or-none: over the limit, nothing is counted and Neutron's 409 OverQuota is thrown. */
  consume(projectId: string, resource: QuotaResource, count: number): Promise<void> {
    if (count <= 0) return Promise.resolve();
    return this.database.transaction(async (tx) => {
      if (!(await QuotaRepository.add(tx, projectId, resource, count, this.defaults[resource]))) throw overQuota([resource]);
    });
  }

  /** Counts `count` back in whatever the limit (undoing a release, or a quota lowered meanwhile). */
  restore(projectId: string, resource: QuotaResource, count: number): Promise<void> {
    if (count <= 0) return Promise.resolve();
    return this.database.transaction(async (tx) => {
      await QuotaRepository.add(tx, projectId, resource, count, this.defaults[resource], false);
    });
  }

  release(projectId: string, resource: QuotaResource, count: number): Promise<void> {
    if (count <= 0) return Promise.resolve();
    return this.database.transaction((tx) => QuotaRepository.subtract(tx, projectId, resource, count));
  }
}
