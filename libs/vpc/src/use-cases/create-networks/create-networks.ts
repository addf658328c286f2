import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consumeQuota, QUOTA_ENFORCER, QuotaEnforcer } from '@alcor/contracts';
import { Database, isUniqueViolation, transactionWithCompensation } from '@alcor/persistence';
import { conflict, invalidInput, RequestContext } from '@alcor/neutron-api';
import { NetworkDraft } from '../../domain/network-draft';
import { NetworkEntity } from '../../domain/network.entity';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { allocateSegment } from '../../segments/segment-allocator';
import { maxMtu, SEGMENT_POLICY, SegmentPolicy } from '../../segments/segment-policy';
import { planSegment } from '../../segments/segment-request';

/**
 * Creates one or many networks atomically: every network, its segment and its outbox event
 * commit together, or (on any error, e.g. one bad item of a bulk request) nothing does.
 */
@Injectable()
export class CreateNetworks {
  private readonly logger = new Logger(CreateNetworks.name);

  constructor(
    private readonly database: Database,
    @Inject(SEGMENT_POLICY) private readonly policy: SegmentPolicy,
    @Optional() @Inject(QUOTA_ENFORCER) private readonly quota?: QuotaEnforcer,
  ) {}

  async execute(_ctx: RequestContext, drafts: NetworkDraft[]): Promise<NetworkEntity[]> {
    // Validate everything that needs no store before opening the transaction.
    const plans = drafts.map((draft) => planSegment(draft.segment, this.policy));
    try {
      return await transactionWithCompensation(
        this.database,
        async (tx, onFailure) => {
          const created: NetworkEntity[] = [];
          for (const [i, draft] of drafts.entries()) created.push(await this.createOne(tx, draft, plans[i]));
          // Last, so the project's usage row stays locked as briefly as possible.
          await consumeQuota(this.quota, 'network', created.map((n) => n.projectId), onFailure);
          return created;
        },
        (error) => this.logger.warn(`undo after a failed network create failed: ${String(error)}`),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'networks_pkey') || isUniqueViolation(error, 'segment_allocations_network_id_key')) throw conflict('NetworkIdInUse', 'A network with this id already exists.');
      throw error;
    }
  }

  private async createOne(tx: EntityManager, draft: NetworkDraft, plan: ReturnType<typeof planSegment>): Promise<NetworkEntity> {
    const id = draft.id ?? randomUUID();
    const segment = await allocateSegment(tx, id, plan, this.policy);
    const limit = maxMtu(this.policy, segment.networkType);
    if (draft.mtu !== undefined && (draft.mtu < 68 || draft.mtu > limit)) {
      throw invalidInput(`Requested MTU is too big, maximum is ${limit}.`);
    }
    const now = new Date();
    const entity = tx.create(NetworkEntity, {
      id,
      projectId: draft.projectId,
      name: draft.name,
      description: draft.description,
      adminStateUp: draft.adminStateUp,
      status: 'ACTIVE',
      shared: draft.shared,
      routerExternal: draft.routerExternal,
      mtu: draft.mtu ?? limit,
      portSecurityEnabled: draft.portSecurityEnabled,
      networkType: segment.networkType,
      physicalNetwork: segment.physicalNetwork,
      segmentationId: segment.segmentationId,
      cidr: draft.cidr ?? null,
      availabilityZoneHints: draft.availabilityZoneHints,
      subnetIds: [],
      tags: [...new Set(draft.tags)],
      revisionNumber: 1,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(NetworkEntity, entity);
    await recordNetworkChange(tx, 'created', toNetwork(entity));
    return entity;
  }
}
