import type { MessageHandler } from './received-message';
import type { SubscribeOptions } from './subscribe-options';
import type { Subscription } from './subscription';

export interface OutgoingMessage {
  /** Ordering key: key-shared routes all messages of a key to one consumer, in publish order. */
  key?: string;
  /** Opaque bytes; the bus copies them, so the caller may reuse the buffer. */
  payload: Uint8Array | Buffer;
  properties?: Record<string, string>;
}

export interface PublishResult {
  messageId: string;
}

/**
 * The message bus port, with Apache Pulsar's semantics: topics are logs, subscriptions are durable
 * named cursors on a topic, and the subscription's mode decides how its consumers share messages.
 * Delivery is at least once; consumers must be idempotent.
 */
export interface MessageBus {
  /** Resolves once the message is stored for every subscription the topic has (not once received). */
  publish(topic: string, message: OutgoingMessage): Promise<PublishResult>;
  /**
   * Connects a consumer to the named subscription, creating it at options.initialPosition if it
   * does not exist. Resolves once the consumer is connected; the handler runs asynchronously.
   */
  subscribe(
    topic: string,
    subscription: string,
    options: SubscribeOptions,
    handler: MessageHandler,
  ): Promise<Subscription>;
  /** Closes every consumer (waiting for running handlers) and releases timers and connections. */
  close(): Promise<void>;
}
