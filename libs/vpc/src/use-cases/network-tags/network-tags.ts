import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { RequestContext, sameTags, TagStore } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { touch } from '@alcor/neutron-api';

export const NETWORK_TAGS = Symbol('NetworkTags');

/** Neutron's standard-attr-tag on networks; each change bumps the revision and is announced. */
@Injectable()
export class NetworkTags implements TagStore {
  constructor(private readonly database: Database) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => NetworkRepository.getVisible(em, ctx, id))).tags;
  }

  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    return this.database.transaction(async (tx) => {
      const entity = await NetworkRepository.lockOwned(tx, ctx, id);
      const tags = next(entity.tags);
      if (sameTags(tags, entity.tags)) return entity.tags;
      entity.tags = tags;
      touch(entity);
      await tx.save(NetworkEntity, entity);
      await recordNetworkChange(tx, 'updated', toNetwork(entity));
      return tags;
    });
  }
}
