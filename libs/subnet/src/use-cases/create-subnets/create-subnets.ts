import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consumeQuota, IP_ALLOCATOR, IpAllocator, QUOTA_ENFORCER, QuotaEnforcer, VPC_CLIENT, VpcClient } from '@alcor/contracts';
import { cidrsOverlap, formatCidr, parseCidr } from '@alcor/netaddr';
import { badRequest, conflict, notFound, RequestContext } from '@alcor/neutron-api';
import { Database, isUniqueViolation, transactionWithCompensation, Undo } from '@alcor/persistence';
import { SubnetDraft } from '../../domain/subnet-draft';
import { SubnetEntity } from '../../domain/subnet.entity';
import { SubnetRepository } from '../../domain/subnet.repository';
import {
  checkDnsNameservers,
  checkHostRoutes,
  checkIpv6Modes,
  parseSubnetCidr,
  resolveGateway,
  resolvePools,
  SubnetAddressPlan,
} from '../../domain/subnet-plan';
import { recordSubnetChange } from '../../events/subnet-events';
import { toSubnet } from '../../http/subnet.mapper';

interface PlannedSubnet {
  draft: SubnetDraft;
  plan: SubnetAddressPlan;
  dnsNameservers: string[];
}

/**
 * Creates one or many subnets atomically: the subnet rows, their IPAM ranges and the network's
 * subnet list change together, or not at all. CIDRs of one network never overlap, even under
 * concurrent creates (a per-network advisory lock serializes them on PostgreSQL).
 */
@Injectable()
export class CreateSubnets {
  private readonly logger = new Logger(CreateSubnets.name);

  constructor(
    private readonly database: Database,
    @Inject(IP_ALLOCATOR) private readonly ipam: IpAllocator,
    @Inject(VPC_CLIENT) private readonly vpcs: VpcClient,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  async execute(_ctx: RequestContext, drafts: SubnetDraft[]): Promise<SubnetEntity[]> {
    const planned = drafts.map((draft) => this.plan(draft));
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const created: SubnetEntity[] = [];
          for (const item of planned) created.push(await this.createOne(tx, item, planned, onFailure));
          // Last, so the project's usage row stays locked as briefly as possible.
          await consumeQuota(this.quota, 'subnet', created.map((s) => s.projectId), onFailure);
          return created;
        },
        (error) => this.logger.warn(`undo after a failed subnet create failed: ${String(error)}`),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'subnets_pkey')) throw conflict('SubnetIdInUse', 'A subnet with this id already exists.');
      throw error;
    }
  }

  /** Every check that needs no store, before the transaction opens. */
  private plan(draft: SubnetDraft): PlannedSubnet {
    const cidr = parseSubnetCidr(draft.cidr, draft.ipVersion);
    checkIpv6Modes(draft.ipVersion, cidr, draft.ipv6RaMode, draft.ipv6AddressMode);
    const gatewayIp = resolveGateway(cidr, draft.gatewayIp);
    const allocationPools = resolvePools(cidr, gatewayIp, draft.allocationPools);
    return {
      draft: { ...draft, hostRoutes: checkHostRoutes(draft.hostRoutes, draft.ipVersion) },
      plan: { ipVersion: draft.ipVersion, cidr, gatewayIp, allocationPools },
      dnsNameservers: checkDnsNameservers(draft.dnsNameservers, draft.ipVersion),
    };
  }

  private async createOne(tx: EntityManager, item: PlannedSubnet, batch: PlannedSubnet[], onFailure: (undo: Undo) => void): Promise<SubnetEntity> {
    const { draft, plan } = item;
    const network = await this.vpcs.getNetwork(draft.projectId, draft.networkId);
    if (!network) throw notFound('NetworkNotFound', `Network ${draft.networkId} could not be found.`);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`subnets:${draft.networkId}`]);
    await this.checkNoOverlap(tx, item, batch);

    const id = draft.id ?? randomUUID();
    const now = new Date();
    const entity = tx.create(SubnetEntity, {
      id,
      projectId: draft.projectId,
      networkId: draft.networkId,
      name: draft.name,
      description: draft.description,
      ipVersion: plan.ipVersion,
      cidr: formatCidr(plan.cidr),
      gatewayIp: plan.gatewayIp,
      allocationPools: plan.allocationPools,
      enableDhcp: draft.enableDhcp,
      dnsNameservers: item.dnsNameservers,
      hostRoutes: draft.hostRoutes,
      ipv6RaMode: draft.ipv6RaMode,
      ipv6AddressMode: draft.ipv6AddressMode,
      serviceTypes: draft.serviceTypes,
      tags: [...new Set(draft.tags)],
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(SubnetEntity, entity);
    await recordSubnetChange(tx, 'created', toSubnet(entity));

    await this.ipam.createRange({
      subnetId: id,
      networkId: draft.networkId,
      projectId: draft.projectId,
      ipVersion: plan.ipVersion,
      cidr: formatCidr(plan.cidr),
      gatewayIp: plan.gatewayIp,
      allocationPools: plan.allocationPools,
    });
    onFailure(() => this.ipam.deleteRange(id));
    await this.vpcs.addSubnet(draft.projectId, draft.networkId, id);
    onFailure(() => this.vpcs.removeSubnet(draft.projectId, draft.networkId, id));
    return entity;
  }

  private async checkNoOverlap(tx: EntityManager, item: PlannedSubnet, batch: PlannedSubnet[]): Promise<void> {
    const { draft, plan } = item;
    const existing = (await SubnetRepository.ofNetwork(tx, draft.networkId)).map((s) => parseCidr(s.cidr));
    const earlier = batch.slice(0, batch.indexOf(item)).filter((b) => b.draft.networkId === draft.networkId).map((b) => b.plan.cidr);
    if ([...existing, ...earlier].some((other) => other && cidrsOverlap(other, plan.cidr))) {
      throw badRequest(
        `Invalid input for operation: Requested subnet with cidr: ${formatCidr(plan.cidr)} for network: ${draft.networkId} overlaps with another subnet.`,
        'InvalidInput',
      );
    }
  }
}
