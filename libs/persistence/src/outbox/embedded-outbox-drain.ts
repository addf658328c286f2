import { MessageBus } from '@alcor/bus';
import { Database } from '../data-source/database';
import { CommittedOutboxRow } from './outbox-buffer';
import { DrainResult, OutboxDrain, PENDING_COLUMNS, PendingEvent, pendingOf, publishPending } from './pending-event';

export interface EmbeddedDrainLimits {
  /** Published rows are deleted together, at most this long after the first of them went out. */
  deleteDelayMs: number;
  /** Events held in memory at most (a bus outage under load); past it, the table is the queue. */
  maxInMemory: number;
}

export const DEFAULT_EMBEDDED_DRAIN: EmbeddedDrainLimits = { deleteDelayMs: 100, maxInMemory: 10_000 };

/**
 * Embedded store: this process is the only writer, so it publishes what its own transactions
 * committed straight from memory (no read back), and deletes published rows in one statement
 * per `deleteDelayMs` instead of one per commit. Reading and deleting after every commit took 14%
 * of a warm round of port creates on PGlite, holding the one connection. The table is read at
 * start (what a crash left) and on each poll (rows written outside `Database.transaction`). A
 * crash within `deleteDelayMs` of a publish republishes those events after restart: at least
 * once, as before, with the same event ids. While the bus is down, memory holds at most
 * `maxInMemory` events; later ones are read from the table once memory has drained, so order holds.
 */
export class EmbeddedOutboxDrain implements OutboxDrain {
  /** Committed here, not yet published, in commit order. */
  private readonly fresh: PendingEvent[] = [];
  /** Published, not yet deleted. */
  private published: string[] = [];
  private deleteDue = false;
  private deleteTimer?: NodeJS.Timeout;
  /** The first drain reads the table. */
  private tableDue = true;
  /** Memory was full: commits are not held until the table has been read up to date. */
  private overflowed = false;

  constructor(
    private readonly database: Database,
    private readonly bus: MessageBus,
    private readonly batchSize: number,
    /** Asks the relay for a drain (the deferred delete runs in the relay's own turn). */
    private readonly wake: () => void,
    private readonly limits: EmbeddedDrainLimits = DEFAULT_EMBEDDED_DRAIN,
  ) {}

  committed(rows: readonly CommittedOutboxRow[]): boolean {
    if (rows.length === 0) return false;
    if (!this.overflowed && this.fresh.length + rows.length > this.limits.maxInMemory) this.overflowed = true;
    if (this.overflowed) this.tableDue = true;
    else for (const row of rows) this.fresh.push(pendingOf(row));
    return true;
  }

  poll(): void {
    this.tableDue = true;
  }

  /** Events held in memory, not yet published. */
  get held(): number {
    return this.fresh.length;
  }

  async drainOnce(): Promise<DrainResult> {
    if (this.deleteDue || this.published.length >= this.batchSize) await this.deletePublished();
    let published = 0;
    if (this.fresh.length > 0) {
      const batch = this.fresh.slice(0, this.batchSize);
      await publishPending(this.bus, batch);
      this.fresh.splice(0, batch.length);
      this.markPublished(batch);
      published = batch.length;
    } else if (this.tableDue) {
      published = await this.drainTable();
    }
    return { published, more: this.fresh.length > 0 || this.tableDue };
  }

  async settle(): Promise<void> {
    await this.deletePublished();
  }

  /**
   * Rows in the table that memory does not hold. A commit hands its rows over before the store is
   * free again, so a row this read sees is either in `fresh` by now (published from there) or was
   * never handed over; published rows are deleted first, so the read cannot see them.
   */
  private async drainTable(): Promise<number> {
    await this.deletePublished();
    const rows = await this.database.read(async (em) => {
      // `outbox.id`: a bare `id` in ORDER BY means the text output column, and "10" sorts before "9".
      const read: PendingEvent[] = await em.query(`SELECT ${PENDING_COLUMNS} FROM outbox ORDER BY outbox.id LIMIT $1`, [this.batchSize]);
      this.tableDue = read.length >= this.batchSize;
      // Caught up, and still holding the store: the next commit's rows are the next in order.
      if (!this.tableDue) this.overflowed = false;
      return read;
    });
    const inMemory = new Set(this.fresh.map((e) => e.id));
    const batch = rows.filter((row) => !inMemory.has(row.id));
    try {
      await publishPending(this.bus, batch);
    } catch (error) {
      // Commits since the read are newer than this batch: take everything from the table again.
      this.fresh.length = 0;
      this.overflowed = true;
      this.tableDue = true;
      throw error;
    }
    this.markPublished(batch);
    return batch.length;
  }

  private markPublished(batch: readonly PendingEvent[]): void {
    for (const event of batch) this.published.push(event.id);
    if (this.deleteTimer || this.published.length === 0) return;
    this.deleteTimer = setTimeout(() => {
      this.deleteTimer = undefined;
      this.deleteDue = true;
      this.wake();
    }, this.limits.deleteDelayMs);
    this.deleteTimer.unref();
  }

  private async deletePublished(): Promise<void> {
    this.deleteDue = false;
    clearTimeout(this.deleteTimer);
    this.deleteTimer = undefined;
    if (this.published.length === 0) return;
    const ids = this.published;
    this.published = [];
    try {
      // A lone DELETE is atomic by itself: no BEGIN and COMMIT round trips for it.
      await this.database.autocommit((em) => em.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [ids]));
    } catch (error) {
      this.published = ids.concat(this.published);
      throw error;
    }
  }
}
