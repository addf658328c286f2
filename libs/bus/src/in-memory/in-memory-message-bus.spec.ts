import { AsyncLocalStorage } from 'node:async_hooks';
import { describeMessageBusContract, waitFor } from '../testing';
import {
  InvalidSubscribeOptionsError,
  MessageBusClosedError,
  SubscriptionBusyError,
  type ReceivedMessage,
  type Subscription,
} from '../index';
import { InMemoryMessageBus } from './in-memory-message-bus';

describeMessageBusContract('in-memory', async () => new InMemoryMessageBus(), { timeoutMs: 5_000 });

const text = (m: ReceivedMessage) => m.payload.toString('utf8');
const publish = (bus: InMemoryMessageBus, topic: string, body: string, key?: string) =>
  bus.publish(topic, { key, payload: Buffer.from(body) });
/** Lets every already scheduled dispatch and handler run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('InMemoryMessageBus (adapter specifics)', () => {
  let bus: InMemoryMessageBus;
  beforeEach(() => {
    bus = new InMemoryMessageBus({ nackRedeliveryDelayMs: 30 });
  });
  afterEach(() => bus.close());

  it('never runs a handler inside publish, and resolves publish once stored', async () => {
    let inPublish = false;
    const calls: boolean[] = [];
    await bus.subscribe('t', 's', { mode: 'exclusive', autoAck: true }, () => void calls.push(inPublish));
    inPublish = true;
    const published = bus.publish('t', { payload: Buffer.from('x') });
    inPublish = false;
    expect(bus.inspect('t').storedMessages).toBe(1);
    expect((await published).messageId).toBeTruthy();
    await waitFor(() => calls.length === 1, 'the delivery', 1000);
    expect(calls).toEqual([false]);
    await waitFor(() => bus.inspect('t').storedMessages === 0, 'the acked message to be dropped', 1000);
  });

  it('lets I/O in while a consumer works through a backlog (handlers are not one long microtask chain)', async () => {
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let handled = 0;
    const handledWhenTimerRan: number[] = [];
    await bus.subscribe('backlog', 's', { mode: 'exclusive', autoAck: true, receiverQueueSize: 1000 }, () => {
      handled++;
      busyFor(0.2);
    });
    await Promise.all(Array.from({ length: 300 }, (_, i) => publish(bus, 'backlog', `m${i}`)));
    setTimeout(() => handledWhenTimerRan.push(handled), 0);
    await waitFor(() => handled === 300, 'the backlog', 5000);
    // 300 handlers of 0.2 ms are 60 ms of work; a timer due at once ran long before the last.
    expect(handledWhenTimerRan).toHaveLength(1);
    expect(handledWhenTimerRan[0]).toBeLessThan(100);
  });

  it("runs handlers in the subscriber's async context, not the publisher's (no ambient transaction leaks)", async () => {
    const ambient = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    await ambient.run('subscriber', () => bus.subscribe('t', 's', { mode: 'exclusive', autoAck: true }, () => void seen.push(ambient.getStore())));
    await new Promise((resolve) => setImmediate(resolve)); // the subscription is idle when the publish comes
    await ambient.run('publisher transaction', () => bus.publish('t', { payload: Buffer.from('x') }));
    await waitFor(() => seen.length === 1, 'the delivery', 1000);
    expect(seen).toEqual(['subscriber']);
  });

  it('copies payloads: neither the publisher nor another subscription can change what a handler gets', async () => {
    const got: ReceivedMessage[] = [];
    for (const s of ['a', 'b']) {
      await bus.subscribe('t', s, { mode: 'exclusive' }, (m) => {
        got.push(m);
        m.payload[0] = 0x5a; // a careless handler
      });
    }
    const source = Buffer.from('abc');
    await bus.publish('t', { payload: source });
    source[0] = 0x21;
    await waitFor(() => got.length === 2, 'both deliveries', 1000);
    expect(got.map(text).sort()).toEqual(['Zbc', 'Zbc']);
    expect(got[0].payload).not.toBe(got[1].payload);
  });

  it('stores nothing for a topic without subscriptions (no retention policy)', async () => {
    await publish(bus, 'empty', 'lost');
    expect(bus.inspect('empty')).toEqual({ storedMessages: 0, subscriptions: [] });
    const got: ReceivedMessage[] = [];
    await bus.subscribe('empty', 's', { mode: 'exclusive', initialPosition: 'earliest', autoAck: true }, (m) => void got.push(m));
    await publish(bus, 'empty', 'kept');
    await waitFor(() => got.length === 1, 'the later message', 1000);
    expect(got.map(text)).toEqual(['kept']);
  });

  it('keeps at most receiverQueueSize unacked messages per consumer', async () => {
    const got: ReceivedMessage[] = [];
    await bus.subscribe('t', 's', { mode: 'exclusive', receiverQueueSize: 3 }, (m) => void got.push(m));
    for (let i = 0; i < 10; i++) await publish(bus, 't', String(i));
    await waitFor(() => got.length === 3, 'three deliveries', 1000);
    await settle();
    expect(got).toHaveLength(3);
    await got[0].ack();
    await waitFor(() => got.length === 4, 'one more after an ack', 1000);
    await got[1].nack(); // a nack frees the slot too (as the WebSocket proxy counts it)
    await waitFor(() => got.length === 5, 'one more after a nack', 1000);
  });

  it('waits nackRedeliveryDelayMs before redelivering', async () => {
    const at: number[] = [];
    await bus.subscribe('t', 's', { mode: 'shared', nackRedeliveryDelayMs: 80 }, async (m) => {
      at.push(Date.now());
      await (m.redeliveryCount === 0 ? m.nack() : m.ack());
    });
    await publish(bus, 't', 'x');
    await waitFor(() => at.length === 2, 'the redelivery', 1000);
    expect(at[1] - at[0]).toBeGreaterThanOrEqual(75);
  });

  it('key-shared: keeps a key strictly serial, even across nacks (stronger than the contract)', async () => {
    const order: string[] = [];
    for (const c of ['c0', 'c1']) {
      await bus.subscribe('t', 's', { mode: 'key-shared', consumerName: c }, async (m) => {
        order.push(`${m.key}${text(m)}${m.redeliveryCount === 0 ? '-nack' : '-ack'}`);
        await (m.redeliveryCount === 0 ? m.nack() : m.ack());
      });
    }
    for (const seq of [1, 2, 3]) for (const key of ['a', 'b']) await publish(bus, 't', String(seq), key);
    await waitFor(() => order.length === 12, 'every delivery', 2000);
    for (const key of ['a', 'b']) {
      expect(order.filter((o) => o.startsWith(key))).toEqual(
        [1, 2, 3].flatMap((seq) => [`${key}${seq}-nack`, `${key}${seq}-ack`]),
      );
    }
  });

  it('failover: the first connected consumer is active; redeliveryCount counts the failover', async () => {
    const got: string[] = [];
    const first = await bus.subscribe('t', 's', { mode: 'failover' }, (m) => void got.push(`first:${text(m)}`));
    await bus.subscribe('t', 's', { mode: 'failover' }, async (m) => {
      got.push(`second:${text(m)}:${m.redeliveryCount}`);
      await m.ack();
    });
    await publish(bus, 't', 'x');
    await waitFor(() => got.length === 1, 'the first delivery', 1000);
    await first.close();
    await waitFor(() => got.length === 2, 'the failover', 1000);
    expect(got).toEqual(['first:x', 'second:x:1']);
  });

  it('rejects options that some adapter could not honour, and names and payloads that are not', async () => {
    const handler = () => undefined;
    await expect(bus.subscribe('t', 's', { mode: 'exclusive', maxRedeliveries: 1, deadLetterTopic: 'dlq' }, handler)).rejects.toBeInstanceOf(
      InvalidSubscribeOptionsError,
    );
    await expect(bus.subscribe('t', 's', { mode: 'shared', deadLetterTopic: 'dlq' }, handler)).rejects.toThrow(/maxRedeliveries/);
    await expect(bus.subscribe('t', 's', { mode: 'shared', receiverQueueSize: 0 }, handler)).rejects.toThrow(/receiverQueueSize/);
    await expect(bus.subscribe('t', 's', { mode: 'shared', maxRedeliveries: 0 }, handler)).rejects.toThrow(/maxRedeliveries/);
    await expect(bus.subscribe('', 's', { mode: 'shared' }, handler)).rejects.toThrow(TypeError);
    await expect(bus.publish('t', { payload: 'text' as unknown as Buffer })).rejects.toThrow(TypeError);
  });

  it('rejects a consumer of another mode while the subscription has consumers, and unsubscribe while others are connected', async () => {
    const handler = () => undefined;
    const a = await bus.subscribe('t', 's', { mode: 'shared' }, handler);
    const b = await bus.subscribe('t', 's', { mode: 'shared' }, handler);
    await expect(bus.subscribe('t', 's', { mode: 'key-shared' }, handler)).rejects.toBeInstanceOf(SubscriptionBusyError);
    await expect(a.unsubscribe()).rejects.toBeInstanceOf(SubscriptionBusyError);
    await a.close();
    await b.unsubscribe();
    expect(bus.inspect('t').subscriptions).toEqual([]);
    // With no consumers left the mode may change, as on Pulsar.
    await bus.subscribe('t', 's', { mode: 'key-shared' }, handler);
  });

  it('reports handler errors and nacks the message', async () => {
    const errors: unknown[] = [];
    const reporting = new InMemoryMessageBus({ nackRedeliveryDelayMs: 10, onHandlerError: (e) => errors.push(e) });
    const got: ReceivedMessage[] = [];
    await reporting.subscribe('t', 's', { mode: 'exclusive' }, async (m) => {
      got.push(m);
      if (got.length === 1) throw new Error('boom');
      await m.ack();
    });
    await publish(reporting, 't', 'x');
    await waitFor(() => got.length === 2, 'the redelivery', 1000);
    expect(errors).toEqual([new Error('boom')]);
    await reporting.close();
  });

  it('close() waits for a running handler, so its ack still counts', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const consumer = await bus.subscribe('t', 's', { mode: 'exclusive' }, async (m) => {
      started = true;
      await gate;
      await m.ack();
    });
    await publish(bus, 't', 'x');
    await waitFor(() => started, 'the handler to start', 1000);
    let closed = false;
    const closing = consumer.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(bus.inspect('t').storedMessages).toBe(0);
  });

  it('a handler may close its own subscription or the whole bus without deadlock', async () => {
    let closedFromInside = false;
    const sub = await bus.subscribe('t', 's', { mode: 'exclusive' }, async () => {
      await sub.close();
      await bus.close();
      closedFromInside = true;
    });
    await publish(bus, 't', 'x');
    await waitFor(() => closedFromInside, 'the handler to finish', 1000);
    await expect(publish(bus, 't', 'y')).rejects.toBeInstanceOf(MessageBusClosedError);
  });

  it('loses nothing when a handler closes its consumer while redeliveries are dispatched', async () => {
    // The first consumer leaves without acking, so three messages wait for redelivery.
    const held: ReceivedMessage[] = [];
    const leaver = await bus.subscribe('t', 's', { mode: 'shared' }, (m) => void held.push(m));
    for (const n of [1, 2, 3]) await publish(bus, 't', String(n));
    await waitFor(() => held.length === 3, 'three deliveries', 1000);
    const quitter: Subscription = await bus.subscribe('t', 's', { mode: 'shared' }, () => void quitter.close());
    const stayed: string[] = [];
    await bus.subscribe('t', 's', { mode: 'shared', autoAck: true }, (m) => void stayed.push(text(m)));
    await leaver.close();
    await waitFor(() => stayed.length >= 3, 'the stayer to get everything', 1000);
    await settle();
    expect(stayed.sort()).toEqual(['1', '2', '3']);
  });

  it('rejects a late ack after the consumer closed, and the message goes to the next consumer', async () => {
    const first: ReceivedMessage[] = [];
    const consumer = await bus.subscribe('t', 's', { mode: 'exclusive' }, (m) => void first.push(m));
    await publish(bus, 't', 'x');
    await waitFor(() => first.length === 1, 'the delivery', 1000);
    await consumer.close();
    await expect(first[0].ack()).rejects.toBeInstanceOf(MessageBusClosedError);
    const second: ReceivedMessage[] = [];
    await bus.subscribe('t', 's', { mode: 'exclusive', autoAck: true }, (m) => void second.push(m));
    await waitFor(() => second.length === 1, 'the redelivery', 1000);
  });

  it('refuses publish and subscribe once closed, and close is idempotent', async () => {
    await bus.close();
    await bus.close();
    await expect(publish(bus, 't', 'x')).rejects.toBeInstanceOf(MessageBusClosedError);
    await expect(bus.subscribe('t', 's', { mode: 'shared' }, () => undefined)).rejects.toBeInstanceOf(MessageBusClosedError);
  });

  it('drops topics that keep nothing, so unique topic names do not accumulate', async () => {
    const sub = await bus.subscribe('gone', 's', { mode: 'exclusive', autoAck: true }, () => undefined);
    await publish(bus, 'gone', 'x');
    await sub.unsubscribe();
    expect(bus.inspect('gone')).toEqual({ storedMessages: 0, subscriptions: [] });
  });
});
