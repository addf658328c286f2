import { MessageBus } from '@alcor/bus';
import { CommittedOutboxRow } from './outbox-buffer';

/** What the relay reads of a row: the payload as stored JSON text, published without a parse. */
export const PENDING_COLUMNS = 'id::text AS id, event_id, topic, message_key, event_type, payload::text AS payload';

/** An outbox row waiting to be published, as the relay reads it. */
export interface PendingEvent {
  id: string;
  event_id: string;
  topic: string;
  message_key: string;
  event_type: string;
  payload: string;
}

export function pendingOf(row: CommittedOutboxRow): PendingEvent {
  return { id: row.id, event_id: row.eventId, topic: row.topic, message_key: row.key, event_type: row.eventType, payload: row.payload };
}

/** Publishes in order, one at a time: per-key order on the bus is the outbox's order. */
export async function publishPending(bus: MessageBus, batch: readonly PendingEvent[]): Promise<void> {
  for (const event of batch) {
    await bus.publish(event.topic, {
      key: event.message_key,
      payload: Buffer.from(event.payload),
      properties: { eventId: event.event_id, eventType: event.event_type },
    });
  }
}

/** One drain step: how many events went out, and whether more are known to be waiting. */
export interface DrainResult {
  published: number;
  more: boolean;
}

/** How the relay takes rows out of the outbox; one strategy per kind of store. */
export interface OutboxDrain {
  /** A local commit's rows; answers whether the relay should wake for it. */
  committed(rows: readonly CommittedOutboxRow[]): boolean;
  /** The poll timer fired: look for rows this process was not told about. */
  poll(): void;
  drainOnce(): Promise<DrainResult>;
  /** Finishes deferred work (stop, flush). */
  settle(): Promise<void>;
}
