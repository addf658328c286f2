import type { ReceivedMessage } from '../received-message';
import type { InMemoryConsumer } from './in-memory-consumer';
import type { StoredMessage } from './topic-log';

/**
 * delivered: with the consumer, unacked. nack-wait: nacked, waiting out the redelivery delay.
 * acked: done. nacked: back in the subscription for redelivery. released: its consumer closed first.
 */
export type DeliveryState = 'delivered' | 'nack-wait' | 'acked' | 'nacked' | 'released';

export interface DeliverySettler {
  ack(delivery: Delivery): Promise<void>;
  nack(delivery: Delivery): Promise<void>;
}

/** One hand-over of a stored message to one consumer; ack and nack act on this hand-over only. */
export class Delivery {
  state: DeliveryState = 'delivered';
  redeliveryTimer?: NodeJS.Timeout;
  readonly message: ReceivedMessage;

  constructor(
    readonly stored: StoredMessage,
    readonly consumer: InMemoryConsumer,
    readonly redeliveryCount: number,
    topic: string,
    settler: DeliverySettler,
  ) {
    this.message = {
      messageId: stored.messageId,
      topic,
      ...(stored.key !== undefined && { key: stored.key }),
      // Copies: a handler that mutates its message must not change what other subscriptions get.
      payload: Buffer.from(stored.payload),
      properties: { ...stored.properties },
      publishTime: stored.publishTime,
      redeliveryCount,
      ack: () => settler.ack(this),
      nack: () => settler.nack(this),
    };
  }
}
