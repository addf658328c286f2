import { Injectable } from '@nestjs/common';
import { checkRevision, RequestContext } from '@alcor/neutron-api';
import { Database, transactionWithCompensation } from '@alcor/persistence';
import { FloatingIpEntity } from '../../domain/floating-ip.entity';
import { FloatingIpRepository } from '../../domain/floating-ip.repository';
import { recordFloatingIpChange } from '../../events/floating-ip-events';
import { FloatingIpDependencies } from '../floating-ip-dependencies';

/** Deletes a floating IP and its external port: the address is freed exactly once, with the port. */
@Injectable()
export class DeleteFloatingIp {
  constructor(
    private readonly database: Database,
    private readonly deps: FloatingIpDependencies,
  ) {}

  execute(ctx: RequestContext, id: string, ifMatch?: number[]): Promise<FloatingIpEntity> {
    return transactionWithCompensation(this.database, async (tx, onFailure) => {
      const fip = await FloatingIpRepository.lockOwned(tx, ctx, id);
      checkRevision(fip, ifMatch);
      await tx.delete(FloatingIpEntity, { id: fip.id });
      await this.deps.ports.delete(fip.projectId, fip.floatingPortId);
      await this.deps.releaseQuota(fip.projectId, onFailure);
      await recordFloatingIpChange(tx, 'deleted', fip);
      return fip;
    });
  }
}
