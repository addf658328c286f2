import { randomBytes } from 'node:crypto';
import { MessageBusClosedError } from '../errors';
import type { MessageBus, OutgoingMessage, PublishResult } from '../message-bus';
import type { MessageHandler, ReceivedMessage } from '../received-message';
import { resolveSubscribeOptions, type ResolvedSubscribeOptions, type SubscribeOptions, type SubscriptionMode } from '../subscribe-options';
import type { Subscription } from '../subscription';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { PulsarAdmin } from './pulsar-admin';
import { PulsarConsumer, runningHandlerConsumer } from './pulsar-consumer';
import { TopicProducer } from './pulsar-producer';
import { fullTopicName, parseTopicName, type PulsarTopicName } from './topic-name';

export interface PulsarWebSocketMessageBusOptions {
  /** The broker's (or proxy's) WebSocket base URL, e.g. ws://127.0.0.1:8080 (PULSAR_WS_URL). */
  wsUrl: string;
  /** Admin REST base URL (PULSAR_HTTP_URL); default: wsUrl with http(s) for ws(s). */
  httpUrl?: string;
  /** Namespace for bare topic names (without `persistent://`). Default `public/default`. */
  defaultNamespace?: string;
  /** Create missing tenants and namespaces through the admin API on first use. Default true. */
  ensureNamespaces?: boolean;
  /** allowedClusters of tenants created here. Default ['standalone']. */
  allowedClusters?: string[];
  /** Default for SubscribeOptions.nackRedeliveryDelayMs. */
  nackRedeliveryDelayMs?: number;
  connectTimeoutMs?: number;
  /** A publish without a broker reply after this long rejects. Default 30 s. */
  sendTimeoutMs?: number;
  /** Keep-alive ping interval; the proxy closes sockets idle for 5 minutes. Default 30 s. */
  pingIntervalMs?: number;
  backoff?: BackoffOptions;
  /** Connection trouble the bus recovers from (reconnects); the bus itself does not log. */
  onError?: (error: unknown) => void;
  /** Errors thrown by handlers (the message is nacked either way). */
  onHandlerError?: (error: unknown, message: ReceivedMessage) => void;
}

const SUBSCRIPTION_TYPES: Record<SubscriptionMode, string> = {
  exclusive: 'Exclusive',
  shared: 'Shared',
  failover: 'Failover',
  'key-shared': 'Key_Shared',
};

/** The WebSocket proxy caps a consumer's receiver queue at 1000. */
const MAX_RECEIVER_QUEUE_SIZE = 1000;

/**
 * MessageBus over Pulsar's WebSocket API (`/ws/v2`): one producer socket per topic, one socket
 * per consumer, admin REST for namespaces, `earliest` subscriptions and unsubscribe.
 * Topic names are full Pulsar names (`persistent://tenant/namespace/topic`).
 */
export class PulsarWebSocketMessageBus implements MessageBus {
  readonly admin: PulsarAdmin;
  private readonly wsBase: string;
  private readonly producers = new Map<string, TopicProducer>();
  private readonly consumers = new Set<PulsarConsumer>();
  private closing?: Promise<void>;

  constructor(private readonly options: PulsarWebSocketMessageBusOptions) {
    this.wsBase = options.wsUrl.replace(/\/+$/, '');
    const httpUrl = options.httpUrl ?? this.wsBase.replace(/^ws(s?):/, 'http$1:');
    this.admin = new PulsarAdmin({ httpUrl, allowedClusters: options.allowedClusters, requestTimeoutMs: options.connectTimeoutMs });
  }

  /** Creates the bus after checking that the broker answers its health check. */
  static async connect(options: PulsarWebSocketMessageBusOptions): Promise<PulsarWebSocketMessageBus> {
    const bus = new PulsarWebSocketMessageBus(options);
    await bus.admin.health();
    return bus;
  }

  async publish(topic: string, message: OutgoingMessage): Promise<PublishResult> {
    this.assertOpen();
    if (!(message.payload instanceof Uint8Array)) throw new TypeError('payload must be a Uint8Array or Buffer');
    const name = this.topicName(topic);
    const frame = {
      payload: Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength).toString('base64'),
      ...(message.key !== undefined ? { key: message.key } : {}),
      ...(message.properties && Object.keys(message.properties).length > 0 ? { properties: { ...message.properties } } : {}),
    };
    await this.ensureNamespace(name);
    this.assertOpen();
    return { messageId: await this.producer(name).send(frame) };
  }

  async subscribe(topic: string, subscription: string, options: SubscribeOptions, handler: MessageHandler): Promise<Subscription> {
    this.assertOpen();
    if (typeof subscription !== 'string' || subscription.length === 0) throw new TypeError('subscription name must be a non-empty string');
    const resolved = resolveSubscribeOptions(options, { nackRedeliveryDelayMs: this.options.nackRedeliveryDelayMs });
    const name = this.topicName(topic);
    const deadLetter = resolved.deadLetterTopic !== undefined ? this.topicName(resolved.deadLetterTopic) : undefined;
    await this.ensureNamespace(name);
    if (deadLetter) await this.ensureNamespace(deadLetter);
    // The WebSocket consumer always starts a new subscription at the latest message.
    if (resolved.initialPosition === 'earliest') await this.admin.createSubscription(name, subscription, 'earliest');
    this.assertOpen();

    const consumerName = resolved.consumerName ?? `bus-${randomBytes(6).toString('hex')}`;
    const consumer = new PulsarConsumer({
      url: this.consumerUrl(name, subscription, consumerName, resolved, deadLetter),
      topic: name,
      subscription,
      consumerName,
      options: resolved,
      handler,
      admin: this.admin,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
      pingIntervalMs: this.options.pingIntervalMs ?? 30_000,
      backoff: this.options.backoff ?? DEFAULT_BACKOFF,
      releaseTimeoutMs: 5_000,
      onError: (error) => this.options.onError?.(error),
      onHandlerError: (error, message) => this.options.onHandlerError?.(error, message),
      onClosed: (closed) => this.consumers.delete(closed),
    });
    await consumer.open();
    this.consumers.add(consumer);
    if (this.closing) await consumer.close();
    return consumer;
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    // From inside a handler, waiting for every handler would wait for this one too.
    const inside = runningHandlerConsumer();
    return inside && this.consumers.has(inside) ? Promise.resolve() : this.closing;
  }

  private async shutdown(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.close()));
    await Promise.all([...this.producers.values()].map((p) => p.close()));
    this.producers.clear();
  }

  private consumerUrl(
    topic: PulsarTopicName,
    subscription: string,
    consumerName: string,
    options: ResolvedSubscribeOptions,
    deadLetter: PulsarTopicName | undefined,
  ): string {
    const query = new URLSearchParams({
      subscriptionType: SUBSCRIPTION_TYPES[options.mode],
      receiverQueueSize: String(Math.min(options.receiverQueueSize, MAX_RECEIVER_QUEUE_SIZE)),
      negativeAckRedeliveryDelay: String(Math.round(options.nackRedeliveryDelayMs)),
      consumerName,
    });
    // Only as a pair: maxRedeliverCount alone makes the proxy invent a `<topic>-<sub>-DLQ`.
    if (deadLetter && options.maxRedeliveries !== undefined) {
      query.set('maxRedeliverCount', String(options.maxRedeliveries));
      query.set('deadLetterTopic', fullTopicName(deadLetter));
    }
    return `${this.wsBase}/ws/v2/consumer/${topic.path}/${encodeURIComponent(subscription)}?${query.toString()}`;
  }

  private producer(topic: PulsarTopicName): TopicProducer {
    let producer = this.producers.get(topic.name);
    if (!producer) {
      producer = new TopicProducer({
        url: `${this.wsBase}/ws/v2/producer/${topic.path}`,
        connectTimeoutMs: this.options.connectTimeoutMs ?? 10_000,
        sendTimeoutMs: this.options.sendTimeoutMs ?? 30_000,
        pingIntervalMs: this.options.pingIntervalMs ?? 30_000,
        backoff: this.options.backoff ?? DEFAULT_BACKOFF,
        onError: (error) => this.options.onError?.(error),
      });
      this.producers.set(topic.name, producer);
    }
    return producer;
  }

  private topicName(topic: string): PulsarTopicName {
    return parseTopicName(topic, this.options.defaultNamespace);
  }

  private ensureNamespace(topic: PulsarTopicName): Promise<void> {
    if (this.options.ensureNamespaces === false) return Promise.resolve();
    return this.admin.ensureNamespace(topic.tenant, topic.namespace);
  }

  private assertOpen(): void {
    if (this.closing) throw new MessageBusClosedError('the message bus is closed');
  }
}
