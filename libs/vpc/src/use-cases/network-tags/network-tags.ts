import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { notFound, RequestContext } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { touch } from '../revision';

/** Neutron's standard-attr-tag operations on a network; each change bumps the revision. */
@Injectable()
export class NetworkTags {
  constructor(private readonly database: Database) {}

  async get(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => NetworkRepository.getVisible(em, ctx, id))).tags;
  }

  async check(ctx: RequestContext, id: string, tag: string): Promise<void> {
    const tags = await this.get(ctx, id);
    if (!tags.includes(tag)) throw notFound('TagNotFound', `Tag ${tag} could not be found for network ${id}.`);
  }

  replace(ctx: RequestContext, id: string, tags: string[]): Promise<string[]> {
    return this.change(ctx, id, () => [...new Set(tags)]);
  }

  add(ctx: RequestContext, id: string, tag: string): Promise<string[]> {
    return this.change(ctx, id, (tags) => (tags.includes(tag) ? tags : [...tags, tag]));
  }

  async remove(ctx: RequestContext, id: string, tag: string): Promise<void> {
    await this.change(ctx, id, (tags) => {
      if (!tags.includes(tag)) throw notFound('TagNotFound', `Tag ${tag} could not be found for network ${id}.`);
      return tags.filter((t) => t !== tag);
    });
  }

  async clear(ctx: RequestContext, id: string): Promise<void> {
    await this.change(ctx, id, () => []);
  }

  private change(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
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

function sameTags(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}
