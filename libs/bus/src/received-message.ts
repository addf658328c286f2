/** One delivery of a stored message to one consumer. */
export interface ReceivedMessage {
  readonly messageId: string;
  /** The topic name as given to subscribe(). */
  readonly topic: string;
  readonly key?: string;
  readonly payload: Buffer;
  readonly properties: Readonly<Record<string, string>>;
  /** Broker time (ms since the epoch) at which the message was stored. */
  readonly publishTime: number;
  /** Earlier deliveries of this message on this subscription; only shared and key-shared count them on Pulsar. */
  readonly redeliveryCount: number;
  /** Done with it: never redelivered on this subscription. Rejects if the consumer has closed meanwhile. */
  ack(): Promise<void>;
  /** Failed: redelivered after nackRedeliveryDelayMs, or dead-lettered once maxRedeliveries is reached. */
  nack(): Promise<void>;
}

/**
 * Called once per delivery, never concurrently for one consumer. Throwing (or rejecting) without
 * having acked counts as nack. Returning without ack leaves the message unacked (autoAck false).
 */
export type MessageHandler = (message: ReceivedMessage) => Promise<void> | void;
