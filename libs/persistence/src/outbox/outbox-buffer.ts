import { EntityManager } from 'typeorm';
import { insertRows } from '../data-source/insert-rows';
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

/** Rows recorded by transactions that write them at commit; keyed by the transaction's manager. */
const buffers = new WeakMap<EntityManager, OutboxRow[]>();

/**
 * Makes `tx` collect its outbox rows and write them in one statement just before commit
 * (`flushOutbox`), instead of one INSERT per change: a port create records port, address and
 * MAC events, and each statement is a round trip (most of a statement's cost on PGlite).
 */
export function bufferOutbox(tx: EntityManager): void {
  buffers.set(tx, []);
}

/** Writes the rows: into the buffer when `tx` has one, else at once. */
export async function writeOutboxRows(tx: EntityManager, rows: OutboxRow[]): Promise<void> {
  const buffer = buffers.get(tx);
  if (buffer) buffer.push(...rows);
  else await insertRows(tx, OutboxEventEntity, rows);
}

/**
 * Inserts what `tx` buffered, in recording order (the relay publishes in id order), and answers
 * the rows with their ids, so the embedded relay can publish them without reading them back.
 */
export async function flushOutbox(tx: EntityManager): Promise<CommittedOutboxRow[]> {
  const rows = buffers.get(tx);
  buffers.delete(tx);
  if (!rows || rows.length === 0) return [];
  // Matched by event id, not position: RETURNING promises no order.
  const ids = new Map<string, string[]>();
  for (const row of await insertRows(tx, OutboxEventEntity, rows, ['id', 'event_id'])) {
    const eventId = row['event_id'] as string;
    ids.set(eventId, [...(ids.get(eventId) ?? []), String(row['id'])].sort(compareIds));
  }
  return rows.map((row) => ({ ...row, id: ids.get(row.eventId)?.shift() as string }));
}

/** Outbox ids are bigint text of any digit count. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
