import { EntityManager } from 'typeorm';
import { touch } from '@alcor/neutron-api';
import { SecurityGroupRuleEntity } from '../domain/security-group-rule.entity';
import { SecurityGroupEntity } from '../domain/security-group.entity';
import { recordRuleChanges } from '../events/security-group-events';

/**
 * Rules of a (locked) group were added or removed: the group's revision goes up, as Neutron's
 * does, and each rule is announced as a delta carrying that revision.
 */
export async function announceRuleChanges(tx: EntityManager, group: SecurityGroupEntity, change: 'created' | 'deleted', rules: SecurityGroupRuleEntity[]): Promise<void> {
  touch(group);
  await tx.update(SecurityGroupEntity, { id: group.id }, { revisionNumber: group.revisionNumber, updatedAt: group.updatedAt });
  await recordRuleChanges(tx, change, group, rules);
}
