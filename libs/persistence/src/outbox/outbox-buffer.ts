import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { insertRows, insertTogether, RowsOf } from '../data-source/insert-rows';
import { OutboxEventEntity } from './outbox-event.entity';

export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  eventType: string;
  /** JSON text. */
  payload: string;
}

/** A row as it committed: `id` is its place in the outbox's commit order (bigint as text). */
export interface CommittedOutboxRow extends OutboxRow {
  id: string;
}

interface WriteBuffer {
  outbox: OutboxRow[];
  /** Whether `insertAtCommit` may wait for the commit (see `TransactionOptions.deferInserts`). */
  deferInserts: boolean;
  /** Rows inserted at commit, in the order they were handed over. */
  atCommit: RowsOf[];
}

/** What transactions write at commit; keyed by the transaction's manager. */
const buffers = new WeakMap<EntityManager, WriteBuffer>();

/**
 * Makes `tx` collect its outbox rows (and, with `deferInserts`, rows handed to `insertAtCommit`)
 * and write them in one statement just before commit (`flushOutbox`), instead of one INSERT per
 * change: a port create records port, address and MAC events, and each statement is a round trip
 * (most of a statement's cost on PGlite, and on PostgreSQL a wake-up of two processes).
 */
export function bufferOutbox(tx: EntityManager, deferInserts = false): void {
  buffers.set(tx, { outbox: [], deferInserts, atCommit: [] });
}

/**
 * Inserts rows when `tx` commits, in the statement that writes its outbox rows, if the
 * transaction's owner allowed it (`deferInserts`); at once otherwise, so a unit of work that
 * joined a larger one never hides rows from the code after it. Constraint errors of deferred rows
 * surface at commit and still fail the whole unit of work.
 */
export async function insertAtCommit<T extends ObjectLiteral>(tx: EntityManager, target: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
  const buffer = buffers.get(tx);
  if (buffer?.deferInserts) buffer.atCommit.push({ target, rows });
  else await insertRows(tx, target, rows);
}

/** Writes the rows: into the buffer when `tx` has one, else at once. */
export async function writeOutboxRows(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
  const buffer = buffers.get(tx);
  if (buffer) buffer.outbox.push(...rows);
  else await insertRows(tx, OutboxEventEntity, rows);
}

/**
 * Inserts what `tx` buffered (rows for `insertAtCommit` first, then the outbox rows in recording
 * order: the relay publishes in id order) in one statement, and answers
 * the rows with their ids, so the embedded relay can publish them without reading them back.
 */
export async function flushOutbox(tx: EntityManager): Promise<CommittedOutboxRow[]> {
  const buffer = buffers.get(tx);
  buffers.delete(tx);
  if (!buffer) return [];
  const rows = buffer.outbox;
  const written = await insertTogether(tx, [...buffer.atCommit, { target: OutboxEventEntity, rows }], rows.length > 0 ? ['id', 'event_id'] : []);
  if (rows.length === 0) return [];
  // Matched by event id, not position: RETURNING promises no order. Ascending ids, so a repeated
  // event id still gets its ids in recording order.
  const ids = new Map<string, string[]>();
  for (const row of written.map((r) => ({ id: String(r['id']), eventId: r['event_id'] as string })).sort((a, b) => compareIds(a.id, b.id))) {
    const same = ids.get(row.eventId);
    if (same) same.push(row.id);
    else ids.set(row.eventId, [row.id]);
  }
  return rows.map((row) => ({ ...row, id: ids.get(row.eventId)?.shift() as string }));
}

/** Outbox ids are bigint text of any digit count. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
