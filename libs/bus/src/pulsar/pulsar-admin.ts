import { MessageBusError, SubscriptionBusyError } from '../errors';
import { backoffDelay } from './backoff';
import type { PulsarTopicName } from './topic-name';

/** An admin REST call answered with an unexpected status. */
export class PulsarAdminError extends MessageBusError {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`Pulsar admin ${method} ${url} failed with HTTP ${status}${body ? `: ${body}` : ''}`);
  }
}

export interface PulsarAdminOptions {
  /** e.g. http://127.0.0.1:8080 */
  httpUrl: string;
  /** Clusters a tenant created here may use; standalone's cluster is `standalone`. */
  allowedClusters?: string[];
  requestTimeoutMs?: number;
  /** Sent as `Authorization` when set. */
  authorization?: string;
  /**
   * How long a call keeps retrying a 5xx answer or a refused connection (default 20 s). Every
   * call here is idempotent (409/404 count as done), and a broker answers 500/503 for a while
   * after it starts or while its bookie is briefly unavailable.
   */
  retryForMs?: number;
}

/** The few admin REST calls the WebSocket adapter needs (Pulsar 3.0 `/admin/v2`). */
export class PulsarAdmin {
  private readonly base: string;
  private readonly namespaces = new Map<string, Promise<void>>();

  constructor(private readonly options: PulsarAdminOptions) {
    this.base = options.httpUrl.replace(/\/+$/, '');
  }

  /** Resolves when the broker reports itself healthy. */
  async health(): Promise<void> {
    await this.request('GET', '/admin/v2/brokers/health', undefined, [200]);
  }

  /** Creates tenant and namespace if missing (409 = exists). Cached per namespace; a failure is retried next time. */
  ensureNamespace(tenant: string, namespace: string): Promise<void> {
    const id = `${tenant}/${namespace}`;
    let pending = this.namespaces.get(id);
    if (!pending) {
      pending = this.createNamespace(tenant, namespace);
      this.namespaces.set(id, pending);
      pending.catch(() => this.namespaces.delete(id));
    }
    return pending;
  }

  /**
   * Creates a durable subscription at the earliest or latest message; resolves false when it
   * already exists (its cursor is left where it is).
   */
  async createSubscription(topic: PulsarTopicName, subscription: string, position: 'earliest' | 'latest'): Promise<boolean> {
    // MessageId.earliest is (-1, -1); latest is (Long.MAX_VALUE, Long.MAX_VALUE).
    const id = position === 'earliest' ? '-1' : '9223372036854775807';
    const body = `{"ledgerId":${id},"entryId":${id}}`;
    const status = await this.request('PUT', `/admin/v2/${topic.path}/subscription/${encodeURIComponent(subscription)}`, body, [204, 409]);
    return status === 204;
  }

  /** Deletes a subscription; SubscriptionBusyError while consumers are connected, fine if it is gone. */
  async deleteSubscription(topic: PulsarTopicName, subscription: string): Promise<void> {
    const path = `/admin/v2/${topic.path}/subscription/${encodeURIComponent(subscription)}`;
    try {
      await this.request('DELETE', path, undefined, [204, 404]);
    } catch (error) {
      if (error instanceof PulsarAdminError && error.status === 412) {
        throw new SubscriptionBusyError(`cannot unsubscribe '${subscription}' on '${topic.name}': other consumers are connected`);
      }
      throw error;
    }
  }

  /** Names of the consumers connected to a subscription ([] if topic or subscription is missing). */
  async consumerNames(topic: PulsarTopicName, subscription: string): Promise<string[]> {
    const { status, text } = await this.send('GET', `/admin/v2/${topic.path}/stats`);
    if (status === 404) return [];
    if (status !== 200) throw new PulsarAdminError('GET', `${this.base}/admin/v2/${topic.path}/stats`, status, text);
    const stats: unknown = JSON.parse(text);
    const subscriptions = field(stats, 'subscriptions');
    const consumers = field(field(subscriptions, subscription), 'consumers');
    if (!Array.isArray(consumers)) return [];
    return consumers.map((c: unknown) => field(c, 'consumerName')).map((n) => (typeof n === 'string' ? n : ''));
  }

  private async createNamespace(tenant: string, namespace: string): Promise<void> {
    const tenantBody = JSON.stringify({ adminRoles: [], allowedClusters: this.options.allowedClusters ?? ['standalone'] });
    await this.request('PUT', `/admin/v2/tenants/${encodeURIComponent(tenant)}`, tenantBody, [204, 409]);
    await this.request('PUT', `/admin/v2/namespaces/${encodeURIComponent(tenant)}/${encodeURIComponent(namespace)}`, undefined, [204, 409]);
  }

  private async request(method: string, path: string, body: string | undefined, ok: number[]): Promise<number> {
    const { status, text } = await this.send(method, path, body);
    if (!ok.includes(status)) throw new PulsarAdminError(method, `${this.base}${path}`, status, text);
    return status;
  }

  private async send(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
    const deadline = Date.now() + (this.options.retryForMs ?? 20_000);
    for (let attempt = 0; ; attempt++) {
      const answer = await this.sendOnce(method, path, body).catch((error: unknown) => {
        if (Date.now() >= deadline) throw error;
        return undefined; // connection refused or reset: retried below
      });
      if (answer && (answer.status < 500 || Date.now() >= deadline)) return answer;
      await new Promise((resolve) => setTimeout(resolve, Math.min(backoffDelay(attempt, { initialMs: 200, maxMs: 3_000 }), Math.max(0, deadline - Date.now()))));
    }
  }

  private async sendOnce(method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.options.authorization) headers.Authorization = this.options.authorization;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
    });
    return { status: response.status, text: (await response.text()).slice(0, 100_000) };
  }
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
