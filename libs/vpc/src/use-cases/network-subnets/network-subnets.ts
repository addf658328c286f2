import { Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { RequestContext } from '@alcor/neutron-api';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { touch } from '@alcor/neutron-api';

/** Alcor's contract: the subnet manager tells the VPC manager which subnets a VPC has. */
@Injectable()
export class NetworkSubnets {
  constructor(private readonly database: Database) {}

  add(ctx: RequestContext, networkId: string, subnetId: string): Promise<NetworkEntity> {
    return this.change(ctx, networkId, (ids) => (ids.includes(subnetId) ? ids : [...ids, subnetId]));
  }

  remove(ctx: RequestContext, networkId: string, subnetId: string): Promise<NetworkEntity> {
    return this.change(ctx, networkId, (ids) => ids.filter((id) => id !== subnetId));
  }

  private change(ctx: RequestContext, networkId: string, next: (ids: string[]) => string[]): Promise<NetworkEntity> {
    return this.database.transaction(async (tx) => {
      const entity = await NetworkRepository.lockOwned(tx, ctx, networkId);
      const ids = next(entity.subnetIds);
      if (ids.length === entity.subnetIds.length && ids.every((id) => entity.subnetIds.includes(id))) return entity;
      entity.subnetIds = ids;
      touch(entity);
      await tx.save(NetworkEntity, entity);
      await recordNetworkChange(tx, 'updated', toNetwork(entity));
      return entity;
    });
  }
}
