import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IP_ALLOCATOR, IpAllocator, QUOTA_ENFORCER, QuotaEnforcer, releaseQuota, VPC_CLIENT, VpcClient } from '@alcor/contracts';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation, Undo } from '@alcor/persistence';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import { SubnetVisibilityResolver } from '../../domain/subnet-visibility';
import { recordSubnetChange } from '../../events/subnet-events';
import { toSubnet } from '../../http/subnet.mapper';

/** Deletes a subnet with no allocated address (IPAM answers 409 SubnetInUse otherwise). */
@Injectable()
export class DeleteSubnet {
  constructor(
    private readonly database: Database,
    @Inject(IP_ALLOCATOR) private readonly ipam: IpAllocator,
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    private readonly visibility: SubnetVisibilityResolver,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  async execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<SubnetEntity> {
    const visibility = await this.visibility.of(ctx);
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const entity = await SubnetRepository.lockOwned(tx, visibility, id, 'delete_subnet');
      checkRevision(entity, ifMatch);
      await this.removeLocked(tx, entity, onFailure, { detachFromNetwork: true });
      return entity;
    });
  }

  /**
   * The steps of a delete on a subnet already locked: its IPAM range, its row, its event, its
   * quota. A network's own delete skips the network's subnet list (the network goes too).
   */
  async removeLocked(tx: EntityManager, entity: SubnetEntity, onFailure: (undo: Undo) => void, options: { detachFromNetwork: boolean }): Promise<void> {
    await this.ipam.deleteRange(entity.id);
    onFailure(() =>
      this.ipam.createRange({
        subnetId: entity.id,
        networkId: entity.networkId,
        projectId: entity.projectId,
        ipVersion: entity.ipVersion as 4 | 6,
        cidr: entity.cidr,
        gatewayIp: entity.gatewayIp,
        allocationPools: entity.allocationPools,
      }),
    );
    if (options.detachFromNetwork) {
      await this.vpcs.removeSubnet(entity.projectId, entity.networkId, entity.id);
      onFailure(() => this.vpcs.addSubnet(entity.projectId, entity.networkId, entity.id));
    }
    await tx.delete(SubnetEntity, { id: entity.id });
    await recordSubnetChange(tx, 'deleted', toSubnet(entity));
    await releaseQuota(this.quota, 'subnet', [entity.projectId], onFailure);
  }
}
