import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { checkRevision, conflict, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { QuotaGate } from '../../domain/quota-gate';
import { SecurityGroupRuleEntity } from '../../domain/security-group-rule.entity';
import { SecurityGroupEntity } from '../../domain/security-group.entity';
import { SecurityGroupRepository } from '../../domain/security-group.repository';
import { recordGroupChange } from '../../events/security-group-events';
import { announceRuleChanges } from '../announce-group-change';

const inUse = (id: string) => conflict('SecurityGroupInUse', `Security Group ${id} in use.`);

/**
 * Deletes a group no port uses. Its rules go with it, and so do other groups' rules that named it
 * as remote group (Neutron's cascade): those removals are announced as rule deletions of their groups.
 */
@Injectable()
export class DeleteSecurityGroup {
  constructor(
    private readonly database: Database,
    private readonly quota: QuotaGate,
  ) {}

  async execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<void> {
    try {
      await transactionWithCompensation(this.database, async (tx, onFailure) => {
        const group = await SecurityGroupRepository.lockOwned(tx, ctx, id);
        checkRevision(group, ifMatch);
        // The lock waits for binds in flight (they hold the group FOR SHARE), so this count is exact.
        if ((await SecurityGroupRepository.memberPortIds(tx, group.id)).length > 0) throw inUse(group.id);
        if (group.isDefault && !ctx.isAdmin) throw conflict('SecurityGroupCannotRemoveDefault', 'Insufficient rights for removing default security group.');
        const [loaded] = await SecurityGroupRepository.withRules(tx, [group]);
        // Other groups' rules naming this one go with it (Neutron's cascade). No new such rule can
        // appear now (its foreign key check waits for our lock); those groups are locked, then their
        // rules read again, so each removal is announced exactly once, under its group's next revision.
        const others = (
          await tx.query(
            'SELECT id FROM security_groups WHERE id IN (SELECT security_group_id FROM security_group_rules WHERE remote_group_id = $1 AND security_group_id <> $1) ORDER BY id FOR UPDATE',
            [group.id],
          )
        ).map((row: { id: string }) => row.id) as string[];
        const referring = await tx
          .getRepository(SecurityGroupRuleEntity)
          .createQueryBuilder('r')
          .where('r.remote_group_id = :id AND r.security_group_id <> :id', { id: group.id })
          .getMany();
        const rulesByProject: { project_id: string; n: string }[] = await tx.query(
          'SELECT project_id, count(*) AS n FROM security_group_rules WHERE security_group_id = $1 OR remote_group_id = $1 GROUP BY project_id',
          [group.id],
        );
        await tx.delete(SecurityGroupEntity, { id: group.id });
        await this.quota.release(group.projectId, 'security_group', 1, onFailure);
        for (const r of rulesByProject) await this.quota.release(r.project_id, 'security_group_rule', Number(r.n), onFailure);
        await recordGroupChange(tx, 'deleted', loaded);
        for (const other of others) {
          const owner = await tx.getRepository(SecurityGroupEntity).findOneBy({ id: other });
          if (owner) await announceRuleChanges(tx, owner, 'deleted', referring.filter((r) => r.securityGroupId === other));
        }
      });
    } catch (error) {
      // A binding committed by another process after our check (split mode): the foreign key refuses.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') throw inUse(id);
      throw error;
    }
  }
}
