import { Injectable } from '@nestjs/common';
import { ListQuery, RequestContext } from '@alcor/neutron-api';
import { Database } from '@alcor/persistence';
import { RouterInterfaceEntity } from '../../domain/router-interface.entity';
import { RouterEntity } from '../../domain/router.entity';
import { RouterRepository } from '../../domain/router.repository';

@Injectable()
export class QueryRouters {
  constructor(private readonly database: Database) {}

  get(ctx: RequestContext, id: string): Promise<RouterEntity> {
    return this.database.read((em) => RouterRepository.getVisible(em, ctx, id));
  }

  /** Rows for one page (limit + 1, so the caller knows whether another page follows). */
  list(ctx: RequestContext, query: ListQuery): Promise<RouterEntity[]> {
    return this.database.read(async (em) => {
      const marker = query.marker ? await RouterRepository.getVisible(em, ctx, query.marker) : undefined;
      return RouterRepository.list(em, ctx, query, marker);
    });
  }

  interfaces(routerId: string): Promise<RouterInterfaceEntity[]> {
    return this.database.read((em) => RouterRepository.interfacesOf(em, routerId));
  }

  routerForFloatingIp(subnetId: string, externalNetworkId: string): Promise<string | undefined> {
    return this.database.read((em) => RouterRepository.routerForFloatingIp(em, subnetId, externalNetworkId));
  }

  /** Runs `work` in one transaction, with a way to lock a router in it (read-modify-write). */
  inTransaction<T>(work: (lock: (ctx: RequestContext, id: string) => Promise<RouterEntity>) => Promise<T>): Promise<T> {
    return this.database.transaction((tx) => work((ctx, id) => RouterRepository.lockOwned(tx, ctx, id)));
  }
}
