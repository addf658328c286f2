import { EntityManager } from 'typeorm';
import { touch } from '@alcor/neutron-api';
import { SecurityGroupEntity } from '../domain/security-group.entity';
import { SecurityGroupRepository } from '../domain/security-group.repository';
import { recordGroupChange } from '../events/security-group-events';
import { LoadedGroup } from '../http/security-group.mapper';

/** A group whose rules changed: its revision goes up (as Neutron's) and its full rule set is announced. */
export async function announceRulesChanged(tx: EntityManager, group: SecurityGroupEntity): Promise<LoadedGroup> {
  touch(group);
  await tx.update(SecurityGroupEntity, { id: group.id }, { revisionNumber: group.revisionNumber, updatedAt: group.updatedAt });
  const [loaded] = await SecurityGroupRepository.withRules(tx, [group]);
  await recordGroupChange(tx, 'updated', loaded);
  return loaded;
}
