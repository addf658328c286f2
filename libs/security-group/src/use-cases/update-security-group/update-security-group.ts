import { Injectable } from '@nestjs/common';
import { checkRevision, conflict, RequestContext, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SecurityGroupChanges } from '../../domain/security-group-draft';
import { SecurityGroupEntity } from '../../domain/security-group.entity';
import { SecurityGroupRepository } from '../../domain/security-group.repository';
import { recordGroupChange } from '../../events/security-group-events';
import { LoadedGroup } from '../../http/security-group.mapper';

/** Renames or re-describes a group; the default group keeps its name; stateful only changes on an unused group. */
@Injectable()
export class UpdateSecurityGroup {
  constructor(private readonly database: Database) {}

  execute(ctx: RequestContext, id: string, changes: SecurityGroupChanges, ifMatch?: number[]): Promise<LoadedGroup> {
    return this.database.transaction(async (tx) => {
      const group = await SecurityGroupRepository.lockOwned(tx, ctx, id);
      checkRevision(group, ifMatch);
      if (group.isDefault && changes.name !== undefined) throw conflict('SecurityGroupCannotUpdateDefault', 'Updating default security group not allowed.');
      if (changes.stateful !== undefined && changes.stateful !== group.stateful && (await SecurityGroupRepository.memberPortIds(tx, group.id)).length > 0) {
        throw conflict('SecurityGroupInUse', `Security Group ${group.id} in use.`);
      }
      const changed = (Object.keys(changes) as (keyof SecurityGroupChanges)[]).filter((k) => changes[k] !== undefined && changes[k] !== group[k]);
      const [loaded] = await SecurityGroupRepository.withRules(tx, [group]);
      if (changed.length === 0) return loaded;
      for (const key of changed) (group as unknown as Record<string, unknown>)[key] = changes[key];
      touch(group);
      await tx.update(SecurityGroupEntity, { id: group.id }, { name: group.name, description: group.description, stateful: group.stateful, revisionNumber: group.revisionNumber, updatedAt: group.updatedAt });
      await recordGroupChange(tx, 'updated', loaded);
      return loaded;
    });
  }
}
