import { EntityManager, QueryRunner } from 'typeorm';
import { MessageBus } from '@alcor/bus';
import { Database } from '../data-source/database';

/** What the relay reads of a row: the payload as stored JSON text, published without a parse. */
const PENDING_COLUMNS = 'id::text AS id, event_id, topic, message_key, event_type, payload::text AS payload';

/** One relay at a time per database publishes, so per-key order survives several replicas. */
const RELAY_LOCK_ID = 7411002;

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Publishes committed outbox rows to the bus, oldest first, then deletes them.
 * At-least-once: a crash after publishing and before deleting republishes the same event id,
 * which consumers treat idempotently. It wakes after every local commit and polls for rows left
 * by other processes or by a crash.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = true;
  private unsubscribe?: () => void;

  constructor(
    private readonly database: Database,
    private readonly bus: MessageBus,
    private readonly options: OutboxRelayOptions,
  ) {}

  private get batchSize(): number {
    return this.options.batchSize ?? 200;
  }

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.database.onCommitted(() => void this.kick());
    this.timer = setInterval(() => void this.kick(), this.options.pollIntervalMs);
    this.timer.unref();
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Publishes everything pending now; resolves with the number of events published. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.running?.catch(() => undefined);
      const published = await this.drainOnce();
      total += published;
      if (published === 0) return total;
    }
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
      const published = await this.drainOnce();
      total += published;
      // A short batch means the outbox was empty a moment ago; commits since then kick again.
      if (published < this.batchSize || this.stopped) return total;
    }
  }

  private drainOnce(): Promise<number> {
    return this.database.embedded ? this.drainEmbedded() : this.drainServer();
  }

  /** Embedded store: this process is the only relay; keep the serialized connection free while publishing. */
  private async drainEmbedded(): Promise<number> {
    const batch = await this.database.read((em) => this.pending(em));
    if (batch.length === 0) return 0;
    await this.publishAll(batch);
    // A lone DELETE is atomic by itself: no BEGIN and COMMIT round trips for it.
    await this.database.autocommit((em) => em.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [batch.map((e) => e.id)]));
    return batch.length;
  }

  /**
   * Server store: a transaction-scoped advisory lock elects one relay among replicas. The lock,
   * the read and the delete are one statement (three round trips with BEGIN and COMMIT, not five,
   * after every commit); publishing fails the transaction, so the rows come back.
   */
  private async drainServer(): Promise<number> {
    return this.database.transaction(async (tx) => {
      // Structured: a DELETE's plain result is [rows, count].
      const { records } = await (tx.queryRunner as QueryRunner).query(
        `WITH relay AS (SELECT pg_try_advisory_xact_lock($1) AS locked)
         DELETE FROM outbox WHERE (SELECT locked FROM relay) AND id IN (SELECT id FROM outbox ORDER BY id LIMIT $2)
         RETURNING ${PENDING_COLUMNS}`,
        [RELAY_LOCK_ID, this.batchSize],
        true,
      );
      const taken = records as PendingEvent[];
      if (taken.length === 0) return 0;
      // RETURNING has no order: oldest first again (ids are bigint text of any digit count).
      taken.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      await this.publishAll(taken);
      return taken.length;
    }, { announce: false });
  }

  /**
   * The oldest rows, payload as the stored JSON text: published as is, never parsed and re-serialized.
   * `outbox.id`, not `id`: a bare name in ORDER BY means the output column, here the text one, and
   * "10" sorts before "9".
   */
  private pending(em: EntityManager): Promise<PendingEvent[]> {
    return em.query(`SELECT ${PENDING_COLUMNS} FROM outbox ORDER BY outbox.id LIMIT $1`, [this.batchSize]);
  }

  private async publishAll(batch: PendingEvent[]): Promise<void> {
    for (const event of batch) {
      await this.bus.publish(event.topic, {
        key: event.message_key,
        payload: Buffer.from(event.payload),
        properties: { eventId: event.event_id, eventType: event.event_type },
      });
    }
  }
}

interface PendingEvent {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  payload: string;
}
