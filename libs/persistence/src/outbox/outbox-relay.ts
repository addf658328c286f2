import { MessageBus } from '@alcor/bus';
import { Database } from '../data-source/database';
import { DEFAULT_EMBEDDED_DRAIN, EmbeddedDrainLimits, EmbeddedOutboxDrain } from './embedded-outbox-drain';
import { OutboxDrain } from './pending-event';
import { ServerOutboxDrain } from './server-outbox-drain';

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
  /** Embedded store only. */
  embedded?: Partial<EmbeddedDrainLimits>;
}

/**
 * Publishes committed outbox rows to the bus, oldest first, then deletes them.
 * At-least-once: a crash after publishing and before deleting republishes the same event id,
 * which consumers treat idempotently. It wakes after every local commit and polls for rows left
 * by other processes or by a crash. How rows are taken depends on the store (see the drains).
 */
export class OutboxRelay {
  private readonly drain: OutboxDrain;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = true;
  private unsubscribe?: () => void;

  constructor(
    private readonly database: Database,
    bus: MessageBus,
    private readonly options: OutboxRelayOptions,
  ) {
    const batchSize = options.batchSize ?? 200;
    this.drain = database.embedded
      ? new EmbeddedOutboxDrain(database, bus, batchSize, () => void this.kick(), { ...DEFAULT_EMBEDDED_DRAIN, ...options.embedded })
      : new ServerOutboxDrain(database, bus, batchSize);
  }

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.database.onCommitted((rows) => {
      if (this.drain.committed(rows)) void this.kick();
    });
    this.timer = setInterval(() => {
      this.drain.poll();
      void this.kick();
    }, this.options.pollIntervalMs);
    this.timer.unref();
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.drain.settle().catch((error: unknown) => this.options.onError?.(error));
  }

  private kick(): Promise<number> | undefined {
    if (this.stopped) return undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drainUntilEmpty()
      .catch((error: unknown) => {
        this.options.onError?.(error);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  private async drainUntilEmpty(): Promise<number> {
    let total = 0;
    for (;;) {
      const { published, more } = await this.drain.drainOnce();
      total += published;
      if (!more || this.stopped) return total;
    }
  }
}
