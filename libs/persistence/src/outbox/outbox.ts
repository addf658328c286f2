import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxRow, writeOutboxRows } from './outbox-buffer';

export interface OutboxMessage {
  topic: string;
  /** Bus ordering key: changes of one key reach consumers in commit order. */
  key: string;
  eventType: string;
  payload: unknown;
  eventId?: string;
}

/** Records a message inside the caller's transaction; the relay publishes it after commit. */
export async function enqueueOutbox(tx: EntityManager, message: OutboxMessage): Promise<string> {
  const [row] = toRows([message]);
  await writeOutboxRows(tx, [row]);
  return row.eventId;
}

/** Records many messages (bulk requests) inside the caller's transaction. */
export async function enqueueOutboxMany(tx: EntityManager, messages: OutboxMessage[]): Promise<void> {
  await writeOutboxRows(tx, toRows(messages));
}

function toRows(messages: OutboxMessage[]): OutboxRow[] {
  return messages.map((m) => ({
    eventId: m.eventId ?? randomUUID(),
    topic: m.topic,
    key: m.key,
    eventType: m.eventType,
    payload: JSON.stringify(m.payload),
  }));
}
