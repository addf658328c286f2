import { Inject, Injectable } from '@nestjs/common';
import { IP_ALLOCATOR, IpAllocator } from '@alcor/contracts';
import { parseCidr } from '@alcor/netaddr';
import { checkRevision, RequestContext, touch } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { SubnetChanges } from '../../domain/subnet-draft';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import { SubnetVisibilityResolver } from '../../domain/subnet-visibility';
import { checkDnsNameservers, checkHostRoutes, resolveGateway, resolvePools } from '../../domain/subnet-plan';
import { recordSubnetChange } from '../../events/subnet-events';
import { toSubnet } from '../../http/subnet.mapper';

/** Updates a subnet; a new gateway or new pools must still hold every allocated address (IPAM checks). */
@Injectable()
export class UpdateSubnet {
  constructor(
    private readonly database: Database,
    @Inject(IP_ALLOCATOR) private readonly ipam: IpAllocator,
    private readonly visibility: SubnetVisibilityResolver,
  ) {}

  async execute(ctx: RequestContext, id: string, changes: SubnetChanges, ifMatch?: number[]): Promise<SubnetEntity> {
    const visibility = await this.visibility.of(ctx);
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const entity = await SubnetRepository.lockOwned(tx, visibility, id);
      checkRevision(entity, ifMatch);
      const before = { gatewayIp: entity.gatewayIp, allocationPools: entity.allocationPools };
      const cidr = parseCidr(entity.cidr);
      if (!cidr) throw new Error(`stored subnet ${id} has an invalid cidr ${entity.cidr}`);
      const next: Partial<SubnetEntity> = {};
      if (changes.name !== undefined) next.name = changes.name;
      if (changes.description !== undefined) next.description = changes.description;
      if (changes.enableDhcp !== undefined) next.enableDhcp = changes.enableDhcp;
      if (changes.serviceTypes !== undefined) next.serviceTypes = changes.serviceTypes;
      if (changes.dnsNameservers !== undefined) next.dnsNameservers = checkDnsNameservers(changes.dnsNameservers, entity.ipVersion);
      if (changes.hostRoutes !== undefined) next.hostRoutes = checkHostRoutes(changes.hostRoutes, entity.ipVersion);
      const addressing = changes.gatewayIp !== undefined || changes.allocationPools !== undefined;
      if (addressing) {
        next.gatewayIp = changes.gatewayIp !== undefined ? resolveGateway(cidr, changes.gatewayIp) : entity.gatewayIp;
        next.allocationPools = resolvePools(cidr, next.gatewayIp, changes.allocationPools ?? entity.allocationPools);
      }
      const changed = Object.entries(next).filter(([k, v]) => JSON.stringify((entity as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v));
      if (changed.length === 0) return entity;
      Object.assign(entity, next);
      if (addressing) {
        await this.ipam.updateRange(id, { gatewayIp: entity.gatewayIp, allocationPools: entity.allocationPools });
        onFailure(() => this.ipam.updateRange(id, before));
      }
      touch(entity);
      await tx.save(SubnetEntity, entity);
      await recordSubnetChange(tx, 'updated', toSubnet(entity));
      return entity;
    });
  }
}
