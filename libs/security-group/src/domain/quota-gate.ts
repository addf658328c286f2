import { Inject, Injectable, Optional } from '@nestjs/common';
import { QUOTA_ENFORCER, QuotaEnforcer, QuotaResource } from '@alcor/contracts';
import { Undo } from '@alcor/persistence';

/**
 * Quota checks of the security group use cases, inside their unit of work. Without a quota
 * manager in the deployment (QUOTA_ENFORCER not provided) nothing is limited.
 */
@Injectable()
export class QuotaGate {
  constructor(@Optional() @Inject(QUOTA_ENFORCER) private readonly enforcer?: QuotaEnforcer) {}

  async consume(projectId: string, resource: QuotaResource, count: number, onFailure: (undo: Undo) => void): Promise<void> {
    if (!this.enforcer || count === 0) return;
    onFailure(await this.enforcer.consume(projectId, resource, count));
  }

  async release(projectId: string, resource: QuotaResource, count: number, onFailure: (undo: Undo) => void): Promise<void> {
    if (!this.enforcer || count === 0) return;
    onFailure(await this.enforcer.release(projectId, resource, count));
  }
}
