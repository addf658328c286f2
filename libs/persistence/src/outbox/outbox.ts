import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

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
  const eventId = message.eventId ?? randomUUID();
  await tx.insert(OutboxEventEntity, {
    eventId,
    topic: message.topic,
    key: message.key,
    eventType: message.eventType,
    payload: message.payload as object,
  });
  return eventId;
}

/** Records many messages in one statement (bulk requests), in the caller's transaction. */
export async function enqueueOutboxMany(tx: EntityManager, messages: OutboxMessage[]): Promise<void> {
  const rows = messages.map((m) => ({
    eventId: m.eventId ?? randomUUID(),
    topic: m.topic,
    key: m.key,
    eventType: m.eventType,
    payload: m.payload as object,
  }));
  // PostgreSQL takes at most 65535 parameters per statement: 5 per row, so chunks of 1000.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(OutboxEventEntity, rows.slice(i, i + 1000));
}
