import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { MessageHandler, ReceivedMessage } from '../received-message';
import type { ResolvedSubscribeOptions } from '../subscribe-options';
import type { Subscription } from '../subscription';
import type { Delivery } from './delivery';

/** Marks code running inside a handler call, so a close() issued from there does not wait for itself. */
const handlerCall = new AsyncLocalStorage<object>();

export function isInsideHandler(): boolean {
  return handlerCall.getStore() !== undefined;
}

/** What a consumer needs from its subscription. */
export interface ConsumerHost {
  /** Stop routing messages to this consumer (it is closing). */
  detach(consumer: InMemoryConsumer): void;
  /** Forget the consumer and hand its unacked messages back for redelivery. */
  remove(consumer: InMemoryConsumer): void;
  unsubscribe(consumer: InMemoryConsumer): Promise<void>;
}

export type HandlerErrorListener = (error: unknown, message: ReceivedMessage) => void;

/** How long a consumer runs handlers back to back before it lets the event loop do I/O. */
const DRAIN_SLICE_MS = 4;

/** A connected consumer: a local queue drained by one handler call at a time. */
export class InMemoryConsumer implements Subscription {
  /** Deliveries it holds that are neither acked nor nacked: bounded by receiverQueueSize. */
  unacked = 0;
  private state: 'open' | 'closing' | 'closed' = 'open';
  private queue: Delivery[] = [];
  private draining = false;
  private running?: { call: object; done?: Promise<void> };
  private closing?: Promise<void>;
  /**
   * The subscriber's async context, captured at subscribe time: handlers run there, never in the
   * publisher's (as on a real broker), so a handler never joins the publisher's ambient transaction.
   */
  private readonly subscriberScope = new AsyncResource('InMemoryConsumer');

  constructor(
    readonly id: string,
    readonly options: ResolvedSubscribeOptions,
    private readonly handler: MessageHandler,
    private readonly host: ConsumerHost,
    private readonly onHandlerError: HandlerErrorListener,
  ) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** How many more messages it may be given now. */
  get permits(): number {
    return this.isOpen ? Math.max(0, this.options.receiverQueueSize - this.unacked) : 0;
  }

  deliver(delivery: Delivery): void {
    this.queue.push(delivery);
    if (this.draining) return;
    this.draining = true;
    // A microtask: the dispatcher's loop finishes before any handler runs (and may ack or publish).
    queueMicrotask(() => this.subscriberScope.runInAsyncScope(() => void this.drain()));
  }

  close(): Promise<void> {
    const inside = this.isInsideOwnHandler();
    this.closing ??= this.shutdown(inside);
    return inside ? Promise.resolve() : this.closing;
  }

  unsubscribe(): Promise<void> {
    return this.host.unsubscribe(this);
  }

  private async drain(): Promise<void> {
    let sliceStart = performance.now();
    while (this.isOpen) {
      // Handlers chained by microtasks never let I/O in: a backlog (a bulk's thousand events) would
      // hold every HTTP request for its whole length. A broker's client gets them socket read by read.
      if (performance.now() - sliceStart > DRAIN_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      const delivery = this.queue.shift();
      if (!delivery) break;
      if (delivery.state !== 'delivered') continue;
      // Recorded before the call starts, so a close() from the handler's synchronous part sees it.
      const running: { call: object; done?: Promise<void> } = { call: {} };
      this.running = running;
      running.done = this.invoke(delivery, running.call);
      await running.done;
    }
    this.running = undefined;
    this.draining = false;
  }

  private async invoke(delivery: Delivery, call: object): Promise<void> {
    try {
      await handlerCall.run(call, () => this.handler(delivery.message));
      if (this.options.autoAck && delivery.state === 'delivered') await delivery.message.ack();
    } catch (error) {
      try {
        this.onHandlerError(error, delivery.message);
      } catch {
        // A failing listener must not stop the consumer.
      }
      if (delivery.state === 'delivered') await delivery.message.nack();
    }
  }

  private async shutdown(inside: boolean): Promise<void> {
    this.state = 'closing';
    this.host.detach(this);
    // Let the running handler finish, so its ack still counts; not when it is the one closing us.
    if (!inside) await this.running?.done;
    this.queue = [];
    this.state = 'closed';
    this.host.remove(this);
  }

  private isInsideOwnHandler(): boolean {
    return this.running !== undefined && handlerCall.getStore() === this.running.call;
  }
}
