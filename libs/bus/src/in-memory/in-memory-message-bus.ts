import { DEAD_LETTER_ORIGIN_MESSAGE_ID, DEAD_LETTER_REAL_TOPIC } from '../dead-letter';
import { MessageBusClosedError } from '../errors';
import type { MessageBus, OutgoingMessage, PublishResult } from '../message-bus';
import type { MessageHandler, ReceivedMessage } from '../received-message';
import { resolveSubscribeOptions, type SubscribeOptions } from '../subscribe-options';
import type { Subscription } from '../subscription';
import type { DurableSubscription, SubscriptionRuntime } from './durable-subscription';
import { isInsideHandler } from './in-memory-consumer';
import { InMemoryTopic } from './in-memory-topic';
import type { MessageToStore, StoredMessage } from './topic-log';

export interface InMemoryMessageBusOptions {
  /** Default for SubscribeOptions.nackRedeliveryDelayMs. */
  nackRedeliveryDelayMs?: number;
  /** Sees errors thrown by handlers (the message is nacked either way); the bus does not log. */
  onHandlerError?: (error: unknown, message: ReceivedMessage) => void;
}

export interface TopicInspection {
  /** Messages kept because some subscription has not acked them. */
  storedMessages: number;
  subscriptions: { name: string; consumers: number }[];
}

/** The MessageBus in one process, with Pulsar's subscription semantics (see README.md). */
export class InMemoryMessageBus implements MessageBus {
  private readonly topics = new Map<string, InMemoryTopic>();
  private readonly runtime: SubscriptionRuntime;
  private logSerial = 0;
  private closing?: Promise<void>;

  constructor(private readonly options: InMemoryMessageBusOptions = {}) {
    this.runtime = {
      deadLetter: (deadLetterTopic, stored, fromTopic) => this.store(deadLetterTopic, deadLettered(stored, fromTopic)),
      onHandlerError: (error, message) => this.options.onHandlerError?.(error, message),
      forget: (subscription) => this.forget(subscription),
    };
  }

  async publish(topic: string, message: OutgoingMessage): Promise<PublishResult> {
    this.assertOpen();
    assertName('topic', topic);
    if (!(message.payload instanceof Uint8Array)) throw new TypeError('payload must be a Uint8Array or Buffer');
    return { messageId: this.store(topic, message).messageId };
  }

  async subscribe(
    topic: string,
    subscription: string,
    options: SubscribeOptions,
    handler: MessageHandler,
  ): Promise<Subscription> {
    this.assertOpen();
    assertName('topic', topic);
    assertName('subscription', subscription);
    const resolved = resolveSubscribeOptions(options, { nackRedeliveryDelayMs: this.options.nackRedeliveryDelayMs });
    return this.topic(topic).subscription(subscription, resolved.initialPosition).connect(resolved, handler);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    // From inside a handler, waiting for all handlers would wait for this one too.
    return isInsideHandler() ? Promise.resolve() : this.closing;
  }

  /** What the bus keeps for a topic: for tests and diagnostics. */
  inspect(topic: string): TopicInspection {
    const found = this.topics.get(topic);
    return {
      storedMessages: found?.log.size ?? 0,
      subscriptions: [...(found?.subscriptions.values() ?? [])].map((s) => ({ name: s.name, consumers: s.consumerCount })),
    };
  }

  private async shutdown(): Promise<void> {
    const subscriptions = [...this.topics.values()].flatMap((t) => [...t.subscriptions.values()]);
    await Promise.all(subscriptions.map((s) => s.shutdown()));
    this.topics.clear();
  }

  private store(topic: string, message: MessageToStore): StoredMessage {
    const stored = this.topic(topic).append(message);
    this.dropIfIdle(topic);
    return stored;
  }

  private topic(name: string): InMemoryTopic {
    let topic = this.topics.get(name);
    if (!topic) {
      topic = new InMemoryTopic(name, ++this.logSerial, this.runtime);
      this.topics.set(name, topic);
    }
    return topic;
  }

  private forget(subscription: DurableSubscription): void {
    const topic = this.topics.get(subscription.topic);
    if (topic?.subscriptions.get(subscription.name) === subscription) topic.subscriptions.delete(subscription.name);
    this.dropIfIdle(subscription.topic);
  }

  /** Topics are created on use; drop the ones that keep nothing, so unique topic names do not pile up. */
  private dropIfIdle(name: string): void {
    if (this.topics.get(name)?.idle) this.topics.delete(name);
  }

  private assertOpen(): void {
    if (this.closing) throw new MessageBusClosedError('the message bus is closed');
  }
}

function deadLettered(stored: StoredMessage, fromTopic: string): MessageToStore {
  return {
    key: stored.key,
    payload: stored.payload,
    properties: {
      ...stored.properties,
      [DEAD_LETTER_REAL_TOPIC]: fromTopic,
      [DEAD_LETTER_ORIGIN_MESSAGE_ID]: stored.messageId,
    },
  };
}

function assertName(what: string, name: string): void {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError(`${what} name must be a non-empty string`);
}
