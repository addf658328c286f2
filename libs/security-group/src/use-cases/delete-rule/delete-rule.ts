import { Injectable } from '@nestjs/common';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { QuotaGate } from '../../domain/quota-gate';
import { SecurityGroupRuleEntity } from '../../domain/security-group-rule.entity';
import { ruleNotFound, SecurityGroupRuleRepository } from '../../domain/security-group-rule.repository';
import { SecurityGroupEntity } from '../../domain/security-group.entity';
import { announceRuleChanges } from '../announce-group-change';

/** Deletes a rule under its group's lock; the group's revision goes up and the removal is announced. */
@Injectable()
export class DeleteRule {
  constructor(
    private readonly database: Database,
    private readonly quota: QuotaGate,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<void> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const rule = await SecurityGroupRuleRepository.getVisible(tx, ctx, id);
      checkRevision(rule, ifMatch);
      await tx.query('SELECT id FROM security_groups WHERE id = $1 FOR UPDATE', [rule.securityGroupId]);
      // Re-read under the lock: a concurrent delete of the same rule answers 404, once.
      const result = await tx.delete(SecurityGroupRuleEntity, { id: rule.id });
      if (!result.affected) throw ruleNotFound(id);
      await this.quota.release(rule.projectId, 'security_group_rule', 1, onFailure);
      await announceRuleChanges(tx, await tx.getRepository(SecurityGroupEntity).findOneByOrFail({ id: rule.securityGroupId }), 'deleted', [rule]);
    });
  }
}
