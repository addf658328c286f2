import { Injectable } from '@nestjs/common';
import { RequestContext, sameTags, TagStore, touch } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { RouterRepository } from '../../domain/router.repository';
import { saveRouter } from '../../domain/router-store';
import { recordRouterChange } from '../../events/router-events';

export const ROUTER_TAGS = Symbol('RouterTags');

/** Neutron's standard-attr-tag on routers. */
@Injectable()
export class RouterTags implements TagStore {
  constructor(private readonly database: Database) {}

  async read(ctx: RequestContext, id: string): Promise<string[]> {
    return (await this.database.read((em) => RouterRepository.getVisible(em, ctx, id))).tags;
  }

  write(ctx: RequestContext, id: string, next: (tags: string[]) => string[]): Promise<string[]> {
    return this.database.transaction(async (tx) => {
      const router = await RouterRepository.lockOwned(tx, ctx, id);
      const tags = next(router.tags);
      if (sameTags(tags, router.tags)) return router.tags;
      router.tags = tags;
      touch(router);
      await saveRouter(tx, router);
      await recordRouterChange(tx, 'updated', router);
      return tags;
    });
  }
}
