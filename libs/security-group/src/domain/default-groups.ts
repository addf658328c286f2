import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Undo } from '@alcor/persistence';
import { ensureDefaultGroup } from './default-group';
import { defaultGroupRules } from './new-rules';
import { QuotaGate } from './quota-gate';

/** The project's default group on first use, counted against its quotas when this call created it. */
@Injectable()
export class DefaultGroups {
  constructor(private readonly quota: QuotaGate) {}

  async ensure(tx: EntityManager, projectId: string, onFailure: (undo: Undo) => void = () => undefined, hold = false): Promise<string> {
    const { id, created } = await ensureDefaultGroup(tx, projectId, hold);
    if (created) {
      await this.quota.consume(projectId, 'security_group', 1, onFailure);
      await this.quota.consume(projectId, 'security_group_rule', defaultGroupRules(id).length, onFailure);
    }
    return id;
  }
}
