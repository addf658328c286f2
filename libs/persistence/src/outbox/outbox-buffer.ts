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

/** Inserts what `tx` buffered, in recording order (the relay publishes in id order). */
export async function flushOutbox(tx: EntityManager): Promise<void> {
  const rows = buffers.get(tx);
  buffers.delete(tx);
  if (rows && rows.length > 0) await insertRows(tx, OutboxEventEntity, rows);
}
