import { Inject, Injectable, Optional } from '@nestjs/common';
import { NETWORK_PORT_CLEANER, NETWORK_SUBNET_CLEANER, NetworkPortCleaner, NetworkSubnetCleaner, QUOTA_ENFORCER, QuotaEnforcer, releaseQuota } from '@alcor/contracts';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { checkRevision, conflict, NeutronError, RequestContext } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';

const networkInUse = (id: string) =>
  conflict('NetworkInUse', `Unable to complete operation on network ${id}. There are one or more ports still in use on the network.`);

/**
 * Deletes a network as Neutron's delete_network does: 409 NetworkInUse while user ports remain;
 * otherwise its network:dhcp (auto-delete) ports and all its subnets go first, then the network
 * and its segment (the allocation row cascades). In one process it is one transaction. In split
 * mode the two steps are REST calls (vpc-manager with PORT_MANAGER_URL / SUBNET_MANAGER_URL), each
 * committed on its own: the user-port check comes first, so a refusal changes nothing; the steps
 * are idempotent, so after a later failure a retried delete finishes the job (forward recovery:
 * re-creating deleted subnets would be no undo worth having). Without a subnet manager to call,
 * a network that still lists subnets is refused (NetworkInUse) as before.
 */
@Injectable()
export class DeleteNetwork {
  constructor(
    private readonly database: Database,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
    @Optional() @Inject(NETWORK_PORT_CLEANER) private readonly ports?: NetworkPortCleaner,
    @Optional() @Inject(NETWORK_SUBNET_CLEANER) private readonly subnets?: NetworkSubnetCleaner,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<NetworkEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const entity = await NetworkRepository.lockOwned(tx, ctx, id);
      checkRevision(entity, ifMatch);
      await this.deleteChildren(entity);
      entity.subnetIds = [];
      await tx.delete(NetworkEntity, { id: entity.id });
      await recordNetworkChange(tx, 'deleted', toNetwork(entity));
      await releaseQuota(this.quota, 'network', [entity.projectId], onFailure);
      return entity;
    });
  }

  private async deleteChildren(entity: NetworkEntity): Promise<void> {
    if (!this.subnets && entity.subnetIds.length > 0) throw networkInUse(entity.id);
    await this.ports?.clearNetworkPorts(entity.id);
    if (!this.subnets) return;
    try {
      await this.subnets.deleteNetworkSubnets(entity.id);
    } catch (error) {
      // A port that took an address after the port check: the network is in use after all.
      if (error instanceof NeutronError && error.type === 'SubnetInUse') throw networkInUse(entity.id);
      throw error;
    }
  }
}
