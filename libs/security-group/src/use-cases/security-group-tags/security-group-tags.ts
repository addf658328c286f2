import { Injectable } from '@nestjs/common';
import { RequestContext, sameTags, TagStore, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SecurityGroupEntity } from '../../domain/security-group.entity';
import { SecurityGroupRepository } from '../../domain/security-group.repository';
import { recordGroupChange } from '../../events/security-group-events';

export const SECURITY_GROUP_TAGS = Symbol('SecurityGroupTags');

/** Neutron's standard-attr-tag on security groups. */
@Injectable()
export class SecurityGroupTags implements TagStore {
  constructor(private readonly database: Database) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => SecurityGroupRepository.getVisible(em, ctx, id))).group.tags;
  }

  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    return this.database.transaction(async (tx) => {
      const group = await SecurityGroupRepository.lockOwned(tx, ctx, id);
      const tags = next(group.tags);
      if (sameTags(tags, group.tags)) return group.tags;
      group.tags = tags;
      touch(group);
      await tx.update(SecurityGroupEntity, { id: group.id }, { tags, revisionNumber: group.revisionNumber, updatedAt: group.updatedAt });
      await recordGroupChange(tx, 'updated', (await SecurityGroupRepository.withRules(tx, [group]))[0]);
      return tags;
    });
  }
}
