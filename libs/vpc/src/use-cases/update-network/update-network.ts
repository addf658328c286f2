import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@alcor/persistence';
import { invalidInput, RequestContext } from '@alcor/neutron-api';
import { NetworkChanges } from '../../domain/network-draft';
import { NetworkEntity } from '../../domain/network.entity';
import { NetworkRepository } from '../../domain/network.repository';
import { recordNetworkChange } from '../../events/network-events';
import { toNetwork } from '../../http/network.mapper';
import { maxMtu, NetworkType, SEGMENT_POLICY, SegmentPolicy } from '../../segments/segment-policy';
import { checkRevision, touch } from '@alcor/neutron-api';

@Injectable()
export class UpdateNetwork {
  constructor(
    private readonly database: Database,
    @Inject(SEGMENT_POLICY) private readonly policy: SegmentPolicy,
  ) {}

  execute(ctx: RequestContext, id: string, changes: NetworkChanges, ifMatch?: number[]): Promise<NetworkEntity> {
    return this.database.transaction(async (tx) => {
      const entity = await NetworkRepository.lockOwned(tx, ctx, id);
      checkRevision(entity, ifMatch);
      if (changes.mtu !== undefined) {
        const limit = maxMtu(this.policy, entity.networkType as NetworkType);
        if (changes.mtu < 68 || changes.mtu > limit) throw invalidInput(`Requested MTU is too big, maximum is ${limit}.`);
      }
      const changed = Object.entries(changes).filter(
        ([key, value]) => value !== undefined && (entity as unknown as Record<string, unknown>)[key] !== value,
      );
      if (changed.length === 0) return entity;
      for (const [key, value] of changed) (entity as unknown as Record<string, unknown>)[key] = value;
      touch(entity);
      await tx.save(NetworkEntity, entity);
      await recordNetworkChange(tx, 'updated', toNetwork(entity));
      return entity;
    });
  }
}
