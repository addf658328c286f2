import { Inject, Injectable, Optional } from '@nestjs/common';
import { IP_ALLOCATOR, IpAllocator, QUOTA_ENFORCER, QuotaEnforcer, releaseQuota, VPC_CLIENT, VpcClient } from '@alcor/contracts';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import { recordSubnetChange } from '../../events/subnet-events';
import { toSubnet } from '../../http/subnet.mapper';

/** Deletes a subnet with no allocated address (IPAM answers 409 SubnetInUse otherwise). */
@Injectable()
export class DeleteSubnet {
  constructor(
    private readonly database: Database,
    @Inject(IP_ALLOCATOR) private readonly ipam: IpAllocator,
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<SubnetEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const entity = await SubnetRepository.lockOwned(tx, ctx, id);
      checkRevision(entity, ifMatch);
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
      await this.vpcs.removeSubnet(entity.projectId, entity.networkId, entity.id);
      onFailure(() => this.vpcs.addSubnet(entity.projectId, entity.networkId, entity.id));
      await tx.delete(SubnetEntity, { id: entity.id });
      await recordSubnetChange(tx, 'deleted', toSubnet(entity));
      await releaseQuota(this.quota, 'subnet', [entity.projectId], onFailure);
      return entity;
    });
  }
}
