import { MessageBusClosedError, SubscriptionBusyError } from '../errors';
import type { MessageHandler } from '../received-message';
import type { ResolvedSubscribeOptions, SubscriptionMode } from '../subscribe-options';
import { ownerOfKey } from './consumer-selection';
import { Delivery, type DeliverySettler } from './delivery';
import { InMemoryConsumer, type ConsumerHost, type HandlerErrorListener } from './in-memory-consumer';
import type { StoredMessage, TopicLog } from './topic-log';

/** Key-shared parks messages whose key is busy; past this many it stops reading ahead (as Pulsar does). */
const KEY_SHARED_LOOKAHEAD = 10_000;
/** Keyless messages share one key in key-shared mode, as in Pulsar. */
const NO_KEY = '';

export interface SubscriptionRuntime {
  deadLetter(deadLetterTopic: string, stored: StoredMessage, fromTopic: string): void;
  onHandlerError: HandlerErrorListener;
  /** The subscription was deleted (unsubscribe). */
  forget(subscription: DurableSubscription): void;
}

/**
 * A named, durable cursor on a topic with its consumers. It keeps what is unacked, what waits for
 * redelivery (replay, oldest first) and where reading the log continues, whether or not a consumer
 * is connected.
 */
export class DurableSubscription implements ConsumerHost, DeliverySettler {
  /** In connection order: for exclusive and failover the first one is the active consumer. */
  private readonly consumers: InMemoryConsumer[] = [];
  private mode?: SubscriptionMode;
  private readIndex: number;
  /** Log indices to deliver before reading on, sorted. */
  private replay: number[] = [];
  private readonly outstanding = new Map<number, Delivery>();
  private readonly redeliveries = new Map<number, number>();
  /** key-shared: keys with a message out (unacked or waiting out its nack delay). */
  private readonly busyKeys = new Set<string>();
  private roundRobin = 0;
  private consumerSerial = 0;
  private dispatchHandle?: NodeJS.Immediate;
  private deleted = false;

  constructor(
    readonly topic: string,
    readonly name: string,
    private readonly log: TopicLog,
    initialPosition: 'latest' | 'earliest',
    private readonly runtime: SubscriptionRuntime,
  ) {
    if (initialPosition === 'earliest') {
      this.readIndex = log.firstIndex;
      log.holdAll();
    } else {
      this.readIndex = log.endIndex;
    }
  }

  get consumerCount(): number {
    return this.consumers.length;
  }

  connect(options: ResolvedSubscribeOptions, handler: MessageHandler): InMemoryConsumer {
    if (this.consumers.length > 0 && this.mode !== options.mode) {
      throw new SubscriptionBusyError(
        `subscription '${this.name}' on '${this.topic}' has ${this.mode} consumers; a ${options.mode} consumer cannot join`,
      );
    }
    if (this.consumers.length > 0 && this.mode === 'exclusive') {
      throw new SubscriptionBusyError(`exclusive subscription '${this.name}' on '${this.topic}' already has a consumer`);
    }
    this.mode = options.mode;
    const id = `${options.consumerName ?? this.name}#${++this.consumerSerial}`;
    const consumer = new InMemoryConsumer(id, options, handler, this, this.runtime.onHandlerError);
    this.consumers.push(consumer);
    this.scheduleDispatch();
    return consumer;
  }

  scheduleDispatch(): void {
    if (this.dispatchHandle || !this.consumers.some((c) => c.isOpen)) return;
    // Never in the caller's stack: publish, ack and nack return before anything is delivered.
    this.dispatchHandle = setImmediate(() => {
      this.dispatchHandle = undefined;
      this.dispatch();
    });
  }

  ack(delivery: Delivery): Promise<void> {
    if (delivery.state === 'released') {
      return Promise.reject(
        new MessageBusClosedError(`cannot ack ${delivery.stored.messageId}: its consumer closed, so it will be redelivered`),
      );
    }
    if (delivery.state === 'delivered' || delivery.state === 'nack-wait') this.acknowledge(delivery);
    return Promise.resolve();
  }

  nack(delivery: Delivery): Promise<void> {
    if (delivery.state !== 'delivered') return Promise.resolve();
    const { maxRedeliveries, deadLetterTopic, nackRedeliveryDelayMs } = delivery.consumer.options;
    if (deadLetterTopic !== undefined && maxRedeliveries !== undefined && delivery.redeliveryCount >= maxRedeliveries) {
      this.runtime.deadLetter(deadLetterTopic, delivery.stored, this.topic);
      this.acknowledge(delivery);
      return Promise.resolve();
    }
    delivery.consumer.unacked--;
    delivery.state = 'nack-wait';
    delivery.redeliveryTimer = setTimeout(() => this.redeliver(delivery, 'nacked'), nackRedeliveryDelayMs);
    // A pending redelivery alone must not keep the process alive.
    delivery.redeliveryTimer.unref();
    this.scheduleDispatch();
    return Promise.resolve();
  }

  detach(): void {
    this.scheduleDispatch();
  }

  remove(consumer: InMemoryConsumer): void {
    const at = this.consumers.indexOf(consumer);
    if (at >= 0) this.consumers.splice(at, 1);
    for (const delivery of [...this.outstanding.values()]) {
      if (delivery.consumer === consumer) this.redeliver(delivery, 'released');
    }
    if (this.consumers.length === 0) this.mode = undefined;
    this.scheduleDispatch();
  }

  async unsubscribe(consumer: InMemoryConsumer): Promise<void> {
    const othersConnected = () => this.consumers.some((c) => c !== consumer);
    const busy = () =>
      new SubscriptionBusyError(`cannot unsubscribe '${this.name}' on '${this.topic}': other consumers are connected`);
    if (othersConnected()) throw busy();
    await consumer.close();
    if (othersConnected()) throw busy();
    this.delete();
  }

  /** Bus shutdown: consumers leave, the subscription stays as it is. */
  async shutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.close()));
    this.cancelDispatch();
  }

  private delete(): void {
    if (this.deleted) return;
    this.deleted = true;
    this.cancelDispatch();
    for (const index of this.replay) this.log.release(index);
    for (let index = this.readIndex; index < this.log.endIndex; index++) this.log.release(index);
    this.replay = [];
    this.runtime.forget(this);
  }

  private cancelDispatch(): void {
    if (this.dispatchHandle) clearImmediate(this.dispatchHandle);
    this.dispatchHandle = undefined;
  }

  private dispatch(): void {
    const open = this.consumers.filter((c) => c.isOpen);
    let permits = open.reduce((sum, c) => sum + c.permits, 0);
    const blockedThisRound = new Set<string>();
    const offer = (stored: StoredMessage): boolean => {
      const consumer = this.pickConsumer(stored, open, blockedThisRound);
      if (!consumer) return false;
      this.deliver(stored, consumer);
      permits--;
      return true;
    };

    // Redeliveries first, oldest first, as Pulsar replays before reading on.
    const parked: number[] = [];
    let next = 0;
    while (next < this.replay.length && permits > 0) {
      const index = this.replay[next++];
      const stored = this.log.get(index);
      if (!stored || offer(stored)) continue;
      parked.push(index);
      // Only key-shared can skip a message for a later one; the other modes stop at the first that waits.
      if (this.mode !== 'key-shared') break;
    }
    this.replay = next < this.replay.length ? parked.concat(this.replay.slice(next)) : parked;
    if (this.replay.length > 0 && this.mode !== 'key-shared') return;

    while (permits > 0 && this.readIndex < this.log.endIndex) {
      if (this.mode === 'key-shared' && this.replay.length >= KEY_SHARED_LOOKAHEAD) return;
      const stored = this.log.get(this.readIndex);
      if (!stored || offer(stored)) {
        this.readIndex++;
        continue;
      }
      if (this.mode !== 'key-shared') return;
      // Its key is busy: park it (indices only grow here, so replay stays sorted).
      this.replay.push(this.readIndex++);
    }
  }

  private pickConsumer(
    stored: StoredMessage,
    open: readonly InMemoryConsumer[],
    blockedThisRound: Set<string>,
  ): InMemoryConsumer | undefined {
    switch (this.mode) {
      case 'exclusive':
      case 'failover': {
        // While the active consumer is closing nobody gets anything, so its unacked messages reach
        // the next consumer before newer ones (Pulsar rewinds the cursor on a switch).
        const active = this.consumers[0];
        return active && active.permits > 0 ? active : undefined;
      }
      case 'shared':
        return this.nextWithPermits(open);
      case 'key-shared': {
        const key = stored.key ?? NO_KEY;
        // One message per key out at a time: strictly serial per key, even across nacks.
        if (this.busyKeys.has(key) || blockedThisRound.has(key)) return undefined;
        const owner = ownerOfKey(key, open);
        if (owner && owner.permits > 0) return owner;
        blockedThisRound.add(key);
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private nextWithPermits(open: readonly InMemoryConsumer[]): InMemoryConsumer | undefined {
    for (let step = 0; step < open.length; step++) {
      const at = (this.roundRobin + step) % open.length;
      if (open[at].permits > 0) {
        this.roundRobin = (at + 1) % open.length;
        return open[at];
      }
    }
    return undefined;
  }

  private deliver(stored: StoredMessage, consumer: InMemoryConsumer): void {
    const delivery = new Delivery(stored, consumer, this.redeliveries.get(stored.index) ?? 0, this.topic, this);
    this.outstanding.set(stored.index, delivery);
    consumer.unacked++;
    if (this.mode === 'key-shared') this.busyKeys.add(stored.key ?? NO_KEY);
    consumer.deliver(delivery);
  }

  private acknowledge(delivery: Delivery): void {
    this.takeBack(delivery, 'acked');
    this.redeliveries.delete(delivery.stored.index);
    this.log.release(delivery.stored.index);
    this.scheduleDispatch();
  }

  private redeliver(delivery: Delivery, state: 'nacked' | 'released'): void {
    this.takeBack(delivery, state);
    this.redeliveries.set(delivery.stored.index, delivery.redeliveryCount + 1);
    insertSorted(this.replay, delivery.stored.index);
    this.scheduleDispatch();
  }

  private takeBack(delivery: Delivery, state: 'acked' | 'nacked' | 'released'): void {
    if (delivery.state === 'delivered') delivery.consumer.unacked--;
    clearTimeout(delivery.redeliveryTimer);
    delivery.state = state;
    this.outstanding.delete(delivery.stored.index);
    this.busyKeys.delete(delivery.stored.key ?? NO_KEY);
  }
}

function insertSorted(sorted: number[], value: number): void {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  sorted.splice(low, 0, value);
}
