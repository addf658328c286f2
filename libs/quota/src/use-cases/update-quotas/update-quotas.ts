import { Injectable } from '@nestjs/common';
import { badRequest } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { QuotaLimits } from '../../domain/quota-defaults';
import { QuotaRepository } from '../../domain/quota.repository';

/**
 * Sets or resets a project's limits. As Neutron (Zed): a limit below the current usage is
 * accepted (new creates fail until usage drops) unless the caller asks for `check_limit`.
 */
@Injectable()
export class UpdateQuotas {
  constructor(private readonly database: Database) {}

  update(projectId: string, limits: Partial<QuotaLimits>, checkLimit: boolean): Promise<void> {
    return this.database.transaction(async (tx) => {
      if (checkLimit) {
        const usage = new Map((await QuotaRepository.usages(tx, projectId)).map((u) => [u.resource, u.inUse]));
        for (const [resource, limit] of Object.entries(limits)) {
          const used = usage.get(resource) ?? 0;
          if (limit !== -1 && used > (limit as number)) {
            throw badRequest(`Quota limit ${limit} for ${resource} must be greater than or equal to already used ${used}`);
          }
        }
      }
      await QuotaRepository.setLimits(tx, projectId, limits);
    });
  }

  reset(projectId: string): Promise<void> {
    return this.database.transaction((tx) => QuotaRepository.resetLimits(tx, projectId));
  }
}
