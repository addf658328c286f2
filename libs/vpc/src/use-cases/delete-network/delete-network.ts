import { Inject, Injectable, Optional } from '@nestjs/common';
import { QUOTA_ENFORCER, QuotaEnforcer, releaseQuota } from '@alcor/contracts';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { conflict, RequestContext } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { checkRevision } from '@alcor/neutron-api';

/** Deletes a network and frees its segment (the allocation row cascades) in one transaction. */
@Injectable()
export class DeleteNetwork {
  constructor(
    private readonly database: Database,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<NetworkEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const entity = await NetworkRepository.lockOwned(tx, ctx, id);
      checkRevision(entity, ifMatch);
      if (entity.subnetIds.length > 0) {
        throw conflict(
          'NetworkInUse',
          `Unable to complete operation on network ${entity.id}. There are one or more subnets still in use on the network.`,
        );
      }
      await tx.delete(NetworkEntity, { id: entity.id });
      await recordNetworkChange(tx, 'deleted', toNetwork(entity));
      await releaseQuota(this.quota, 'network', [entity.projectId], onFailure);
      return entity;
    });
  }
}
