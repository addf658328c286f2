import { Injectable } from '@nestjs/common';
import { checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { checkRoutes } from '../../domain/extra-routes';
import { RouterChanges } from '../../domain/router-draft';
import { RouterInterfaceEntity } from '../../domain/router-interface.entity';
import { RouterEntity } from '../../domain/router.entity';
import { RouterRepository } from '../../domain/router.repository';
import { saveRouter } from '../../domain/router-store';
import { recordRouterChange } from '../../events/router-events';
import { toRouter } from '../../http/router.mapper';
import { RouterGateway } from '../router-gateway';

/** The subnets and addresses of all the router's ports: where extra-route nexthops may point. */
export function routerAddressing(router: RouterEntity, interfaces: RouterInterfaceEntity[]): { cidrs: string[]; ips: string[] } {
  return {
    cidrs: [...interfaces.map((i) => i.cidr), ...router.gwFixedIps.map((ip) => ip.cidr)],
    ips: [...interfaces.map((i) => i.ipAddress), ...router.gwFixedIps.map((ip) => ip.ip_address)],
  };
}

/** Updates a router: name, state, external gateway, extra routes (a PUT replaces the whole list). */
@Injectable()
export class UpdateRouter {
  constructor(
    private readonly database: Database,
    private readonly gateway: RouterGateway,
  ) {}

  execute(ctx: RequestContext, id: string, changes: RouterChanges, ifMatch?: number[]): Promise<RouterEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const router = await RouterRepository.lockOwned(tx, ctx, id);
      checkRevision(router, ifMatch);
      const before = JSON.stringify(toRouter(router));
      const interfaces = await RouterRepository.interfacesOf(tx, router.id);
      if (changes.gateway !== undefined) await this.gateway.apply(ctx, 'update', router, changes.gateway, interfaces, onFailure);
      if (changes.name !== undefined) router.name = changes.name;
      if (changes.description !== undefined) router.description = changes.description;
      if (changes.adminStateUp !== undefined) router.adminStateUp = changes.adminStateUp;
      if (changes.routes !== undefined) {
        const { cidrs, ips } = routerAddressing(router, interfaces);
        checkRoutes(router.id, changes.routes, cidrs, ips);
        router.routes = changes.routes;
      }
      if (JSON.stringify(toRouter(router)) === before) return router;
      touch(router);
      await saveRouter(tx, router);
      await recordRouterChange(tx, 'updated', router);
      return router;
    });
  }
}
