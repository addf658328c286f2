import { Injectable } from '@nestjs/common';
import { RequestContext, sameTags, TagStore, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import { SubnetVisibilityResolver } from '../../domain/subnet-visibility';
import { recordSubnetChange } from '../../events/subnet-events';
import { toSubnet } from '../../http/subnet.mapper';

export const SUBNET_TAGS = Symbol('SubnetTags');

/** Neutron's standard-attr-tag on subnets. */
@Injectable()
export class SubnetTags implements TagStore {
  constructor(
    private readonly database: Database,
    private readonly visibility: SubnetVisibilityResolver,
  ) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    const visibility = await this.visibility.of(ctx);
    return (await this.database.read((em) => SubnetRepository.getVisible(em, visibility, id))).tags;
  }

  async write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    const visibility = await this.visibility.of(ctx);
    return this.database.transaction(async (tx) => {
      const entity = await SubnetRepository.lockOwned(tx, visibility, id);
      const tags = next(entity.tags);
      if (sameTags(tags, entity.tags)) return entity.tags;
      entity.tags = tags;
      touch(entity);
      await tx.save(SubnetEntity, entity);
      await recordSubnetChange(tx, 'updated', toSubnet(entity));
      return tags;
    });
  }
}
