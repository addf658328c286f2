import { AsyncLocalStorage } from 'node:async_hooks';
import type WebSocket from 'ws';
import { MessageBusClosedError, MessageBusError, SubscriptionBusyError } from '../errors';
import type { MessageHandler, ReceivedMessage } from '../received-message';
import type { ResolvedSubscribeOptions } from '../subscribe-options';
import type { Subscription } from '../subscription';
import { backoffDelay, CancellableSleep, type BackoffOptions } from './backoff';
import { parseConsumerDelivery, type ConsumerDelivery } from './frames';
import type { PulsarAdmin } from './pulsar-admin';
import type { PulsarTopicName } from './topic-name';
import { closeSocket, frameText, keepAlive, openSocket, sendJson, WebSocketUpgradeError, type OpenedSocket } from './ws-connection';

/** The consumer whose handler is running in this async context (close() from inside must not wait for itself). */
const handlerCall = new AsyncLocalStorage<PulsarConsumer>();

export function runningHandlerConsumer(): PulsarConsumer | undefined {
  return handlerCall.getStore();
}

export interface PulsarConsumerParams {
  /** Full WebSocket URL of the consumer endpoint, query included. */
  url: string;
  topic: PulsarTopicName;
  subscription: string;
  consumerName: string;
  options: ResolvedSubscribeOptions;
  handler: MessageHandler;
  admin: PulsarAdmin;
  connectTimeoutMs: number;
  pingIntervalMs: number;
  backoff: BackoffOptions;
  /** Longest wait in close() for the broker to drop the consumer. */
  releaseTimeoutMs: number;
  onError: (error: unknown) => void;
  onHandlerError: (error: unknown, message: ReceivedMessage) => void;
  onClosed: (consumer: PulsarConsumer) => void;
}

interface QueuedDelivery {
  message: PulsarReceivedMessage;
  generation: number;
}

/**
 * One WebSocket consumer. Deliveries are queued and handed to the handler one at a time; the
 * proxy stops pushing once receiverQueueSize messages are neither acked nor nacked. A dropped
 * socket is reconnected with backoff; what it had delivered comes back from the broker.
 */
export class PulsarConsumer implements Subscription {
  private socket?: WebSocket;
  private stopKeepAlive?: () => void;
  private generation = 0;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private queue: QueuedDelivery[] = [];
  private draining = false;
  private running?: Promise<void>;
  private closing?: Promise<void>;
  private readonly sleep = new CancellableSleep();

  constructor(private readonly params: PulsarConsumerParams) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** The first connection: a 409 (consumer busy, or another subscription type connected) is SubscriptionBusyError. */
  async open(): Promise<void> {
    let socket: OpenedSocket;
    try {
      socket = await openSocket(this.params.url, { connectTimeoutMs: this.params.connectTimeoutMs });
    } catch (error) {
      if (error instanceof WebSocketUpgradeError && error.status === 409) {
        throw new SubscriptionBusyError(
          `subscription '${this.params.subscription}' on '${this.params.topic.name}' cannot take this ${this.params.options.mode} consumer: ${error.body || 'busy'}`,
        );
      }
      throw error;
    }
    this.attach(socket);
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return runningHandlerConsumer() === this ? Promise.resolve() : this.closing;
  }

  async unsubscribe(): Promise<void> {
    const { admin, topic, subscription } = this.params;
    const busy = () => new SubscriptionBusyError(`cannot unsubscribe '${subscription}' on '${topic.name}': other consumers are connected`);
    if (this.isOpen && (await admin.consumerNames(topic, subscription)).length > 1) throw busy();
    await this.close();
    await admin.deleteSubscription(topic, subscription);
  }

  private async shutdown(): Promise<void> {
    if (this.state === 'open') this.state = 'closing';
    this.sleep.cancel();
    // Deliveries not yet handed to the handler stay unacked and go back to the subscription.
    this.queue = [];
    if (runningHandlerConsumer() !== this) await this.running;
    const socket = this.socket;
    const before = socket ? await this.ourConsumerCount() : 0;
    this.state = 'closed';
    this.detach();
    if (socket) {
      // The proxy closes its Java consumer, which flushes the acks sent so far.
      await closeSocket(socket, 5_000);
      await this.awaitRelease(before);
    }
    this.params.onClosed(this);
  }

  /** How many consumers with our name the broker lists (-1 if the stats are unavailable). */
  private async ourConsumerCount(): Promise<number> {
    try {
      const names = await this.params.admin.consumerNames(this.params.topic, this.params.subscription);
      return names.filter((n) => n === this.params.consumerName).length;
    } catch (error) {
      this.params.onError(error);
      return -1;
    }
  }

  /**
   * The proxy drops the broker-side consumer only after the socket has closed; until then an
   * exclusive subscription still counts as taken. Wait (bounded) until the broker lists one fewer.
   */
  private async awaitRelease(before: number): Promise<void> {
    if (before <= 0) return;
    const deadline = Date.now() + this.params.releaseTimeoutMs;
    while (Date.now() < deadline) {
      const now = await this.ourConsumerCount();
      if (now < 0 || now < before) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private attach(opened: OpenedSocket): void {
    const { socket } = opened;
    const generation = ++this.generation;
    this.socket = socket;
    this.stopKeepAlive = keepAlive(socket, this.params.pingIntervalMs);
    socket.on('message', (data) => this.onFrame(frameText(data), generation));
    for (const data of opened.takeEarlyFrames()) this.onFrame(frameText(data), generation);
    socket.on('error', (error) => this.params.onError(error));
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.detach();
      if (this.state !== 'open') return;
      // The broker redelivers whatever this socket had: drop what the handler has not started.
      this.queue = [];
      this.params.onError(new MessageBusError(`consumer socket for '${this.params.subscription}' closed (${code} ${reason.toString()}); reconnecting`));
      void this.reconnect();
    });
  }

  private detach(): void {
    this.stopKeepAlive?.();
    this.stopKeepAlive = undefined;
    this.socket = undefined;
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 0; this.state === 'open'; attempt++) {
      await this.sleep.sleep(backoffDelay(attempt, this.params.backoff));
      if (this.state !== 'open') return;
      try {
        const opened = await openSocket(this.params.url, { connectTimeoutMs: this.params.connectTimeoutMs });
        if (this.state !== 'open') {
          await closeSocket(opened.socket, 1_000);
          return;
        }
        this.attach(opened);
        return;
      } catch (error) {
        this.params.onError(error);
      }
    }
  }

  private onFrame(text: string, generation: number): void {
    if (this.state !== 'open') return;
    const delivery = parseConsumerDelivery(text);
    if (!delivery) return;
    this.queue.push({ message: new PulsarReceivedMessage(this, this.params.topic.name, delivery), generation });
    if (!this.draining) {
      this.draining = true;
      void this.drain();
    }
  }

  private async drain(): Promise<void> {
    while (this.state === 'open') {
      const next = this.queue.shift();
      if (!next) break;
      if (next.generation !== this.generation) continue;
      this.running = handlerCall.run(this, () => this.invoke(next.message));
      await this.running;
    }
    this.running = undefined;
    this.draining = false;
  }

  private async invoke(message: PulsarReceivedMessage): Promise<void> {
    try {
      await this.params.handler(message);
      if (this.params.options.autoAck && !message.settled) await message.ack();
    } catch (error) {
      try {
        this.params.onHandlerError(error, message);
      } catch {
        // The listener's own failure must not stop delivery.
      }
      if (!message.settled) await message.nack().catch((nackError: unknown) => this.params.onError(nackError));
    }
  }

  /** Sends an ack or nack frame; acks after the consumer has closed reject. */
  async settle(message: PulsarReceivedMessage, frame: object): Promise<void> {
    if (this.state === 'closed') throw new MessageBusClosedError(`consumer of '${this.params.subscription}' is closed: cannot settle ${message.messageId}`);
    const socket = this.socket;
    // While reconnecting the broker has already taken the message back for redelivery.
    if (!socket) return;
    await sendJson(socket, frame);
  }
}

class PulsarReceivedMessage implements ReceivedMessage {
  readonly messageId: string;
  readonly key?: string;
  readonly payload: Buffer;
  readonly properties: Readonly<Record<string, string>>;
  readonly publishTime: number;
  readonly redeliveryCount: number;
  settled = false;

  constructor(
    private readonly consumer: PulsarConsumer,
    readonly topic: string,
    delivery: ConsumerDelivery,
  ) {
    this.messageId = delivery.messageId;
    if (delivery.key !== undefined) this.key = delivery.key;
    this.payload = Buffer.from(delivery.payload, 'base64');
    this.properties = delivery.properties;
    const time = Date.parse(delivery.publishTime);
    this.publishTime = Number.isNaN(time) ? 0 : time;
    this.redeliveryCount = delivery.redeliveryCount;
  }

  async ack(): Promise<void> {
    if (this.settled) return;
    await this.consumer.settle(this, { messageId: this.messageId });
    this.settled = true;
  }

  async nack(): Promise<void> {
    if (this.settled) return;
    await this.consumer.settle(this, { type: 'negativeAcknowledge', messageId: this.messageId });
    this.settled = true;
  }
}
