import { Injectable } from '@nestjs/common';
import { checkRevision, conflict, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { RouterEntity } from '../../domain/router.entity';
import { RouterRepository } from '../../domain/router.repository';
import { recordRouterChange } from '../../events/router-events';
import { RouterDependencies } from '../router-dependencies';
import { RouterGateway } from '../router-gateway';

/** Deletes a router without interfaces (Neutron's RouterInUse otherwise), with its gateway port. */
@Injectable()
export class DeleteRouter {
  constructor(
    private readonly database: Database,
    private readonly deps: RouterDependencies,
    private readonly gateway: RouterGateway,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<RouterEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const router = await RouterRepository.lockOwned(tx, ctx, id);
      checkRevision(router, ifMatch);
      if ((await RouterRepository.interfacesOf(tx, router.id)).length > 0) throw conflict('RouterInUse', `Router ${router.id} still has ports`);
      const gone = Object.assign(new RouterEntity(), router, { gwFixedIps: [...router.gwFixedIps] });
      await this.gateway.remove(router);
      await tx.delete(RouterEntity, { id: router.id });
      await this.deps.releaseQuota(router.projectId, onFailure);
      await recordRouterChange(tx, 'deleted', gone);
      return gone;
    });
  }
}
