import { randomUUID } from 'node:crypto';
import { QuotaEnforcer, QuotaResource, QuotaUndo, restCall } from '@alcor/contracts';

/**
 * The quota manager over REST (split mode), through Alcor's apply API: POST
 * /project/{pid}/quota/apply commits the change in the quota manager at once, so the caller
 * registers the returned undo (DELETE /quota/apply/{applyId}, idempotent) for when its own
 * transaction fails. Its routes are admin-only: pass the service's admin headers.
 */
export class RestQuotaEnforcer implements QuotaEnforcer {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  consume(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo> {
    return this.apply(projectId, resource, count);
  }

  release(projectId: string, resource: QuotaResource, count: number): Promise<QuotaUndo> {
    return this.apply(projectId, resource, -count);
  }

  private async apply(projectId: string, resource: QuotaResource, amount: number): Promise<QuotaUndo> {
    if (amount === 0) return async () => undefined;
    const applyId = randomUUID();
    const body = { applyId, projectId, resourceDeltas: [{ resource, amount }] };
    await restCall<void>(this.baseUrl, 'POST', `/project/${encodeURIComponent(projectId)}/quota/apply`, body, this.headers);
    return async () => {
      await restCall<void>(this.baseUrl, 'DELETE', `/quota/apply/${applyId}`, undefined, this.headers);
    };
  }
}
