import { QueryRunner } from 'typeorm';
import { MessageBus } from '@alcor/bus';
import { Database } from '../data-source/database';
import { compareIds } from './outbox-buffer';
import { DrainResult, OutboxDrain, PENDING_COLUMNS, PendingEvent, publishPending } from './pending-event';

/** One relay at a time per database publishes, so per-key order survives several replicas. */
const RELAY_LOCK_ID = 7411002;

/**
 * PostgreSQL server: replicas of a service share the outbox, so every drain reads it. A
 * transaction-scoped advisory lock elects one relay; the lock, the read and the delete are one
 * statement (three round trips with BEGIN and COMMIT, not five, after every commit); publishing
 * fails the transaction, so the rows come back.
 */
export class ServerOutboxDrain implements OutboxDrain {
  constructor(
    private readonly database: Database,
    private readonly bus: MessageBus,
    private readonly batchSize: number,
  ) {}

  committed(): boolean {
    return true;
  }

  poll(): void {
    // every drain reads the table anyway
  }

  drainOnce(): Promise<DrainResult> {
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
      // RETURNING has no order: oldest first again.
      taken.sort((a, b) => compareIds(a.id, b.id));
      await publishPending(this.bus, taken);
      // A short batch means the outbox was empty a moment ago; commits since then wake the relay again.
      return { published: taken.length, more: taken.length >= this.batchSize };
    }, { announce: false });
  }

  async settle(): Promise<void> {
    // nothing deferred
  }
}
