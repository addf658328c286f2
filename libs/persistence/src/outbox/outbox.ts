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
