import { Injectable } from '@nestjs/common';
import { QuotaEnforcer, QuotaResource, QuotaUndo } from '@alcor/contracts';
import { Database } from '@alcor/persistence';
import { EnforceQuota } from '../use-cases/enforce-quota/enforce-quota';

const nothingToUndo: QuotaUndo = async () => undefined;

/**
 * The quota manager in the same process. Inside the caller's transaction the usage change rolls
 * back with it, so the undo has nothing to do; called outside one, the change committed on its
 * own and the undo reverts it.
 */
@Injectable()
export class InProcessQuotaEnforcer implements QuotaEnforcer {
  constructor(
    private readonly database: Database,
    private readonly quotas: EnforceQuota,
  ) {}

  async consume(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo> {
    const joined = this.database.inTransaction();
    await this.quotas.consume(projectId, resource, count);
    return joined ? nothingToUndo : once(() => this.quotas.release(projectId, resource, count));
  }

  async release(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo> {
    const joined = this.database.inTransaction();
    await this.quotas.release(projectId, resource, count);
    return joined ? nothingToUndo : once(() => this.quotas.restore(projectId, resource, count));
  }
}

function once(undo: () => Promise<void>): QuotaUndo {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    await undo();
  };
}
