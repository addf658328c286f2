import { Injectable } from '@nestjs/common';
import { ExtraRoute } from '@alcor/contracts';
import { RequestContext } from '@alcor/neutron-api';
import { sameRoute } from '../../domain/extra-routes';
import { RouterEntity } from '../../domain/router.entity';
import { QueryRouters } from '../query-routers/query-routers';
import { UpdateRouter } from '../update-router/update-router';

/**
 * Neutron's extraroute-atomic: add_extraroutes / remove_extraroutes change the list without
 * replacing it. The read and the write are one transaction (the router row is locked), so two
 * concurrent additions both land.
 */
@Injectable()
export class ExtraRoutes {
  constructor(
    private readonly query: QueryRouters,
    private readonly update: UpdateRouter,
  ) {}

  add(ctx: RequestContext, id: string, routes: ExtraRoute[]): Promise<RouterEntity> {
    return this.change(ctx, id, (current) => [...current, ...routes.filter((r) => !current.some((c) => sameRoute(c, r)))]);
  }

  remove(ctx: RequestContext, id: string, routes: ExtraRoute[]): Promise<RouterEntity> {
    return this.change(ctx, id, (current) => current.filter((c) => !routes.some((r) => sameRoute(c, r))));
  }

  private change(ctx: RequestContext, id: string, next: (current: ExtraRoute[]) => ExtraRoute[]): Promise<RouterEntity> {
    return this.query.inTransaction(async (locked) => this.update.execute(ctx, id, { routes: next((await locked(ctx, id)).routes) }));
  }
}
