import { decodeJson, InMemoryMessageBus, MessageBus, OutgoingMessage, PublishResult } from '@alcor/bus';
import { waitFor } from '@alcor/testing';
import { Database } from '../data-source/database';
import { IN_MEMORY } from '../data-source/data-source-options';
import { enqueueOutbox } from './outbox';
import { OutboxEventEntity } from './outbox-event.entity';
import { EmbeddedOutboxDrain } from './embedded-outbox-drain';
import { OutboxRelay } from './outbox-relay';
import { outboxSchema } from './outbox.schema';

const TOPIC = 'persistent://alcor/test/embedded-relay';
const event = (key: string, n: number) => ({ topic: TOPIC, key, eventType: 'test.changed', payload: { key, n } });

interface Seen {
  key?: string;
  n: number;
  eventId: string;
}

async function observe(bus: MessageBus): Promise<Seen[]> {
  const seen: Seen[] = [];
  await bus.subscribe(TOPIC, 'observer', { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
    seen.push({ key: m.key, n: (decodeJson(m) as { n: number }).n, eventId: m.properties.eventId });
  });
  return seen;
}

/** A bus that refuses publishes while `down` is set; `failAfter` lets that many through first. */
class OutageBus implements MessageBus {
  down = false;
  failAfter = 0;
  constructor(private readonly inner: MessageBus) {}
  publish(topic: string, message: OutgoingMessage): Promise<PublishResult> {
    if (this.down && this.failAfter-- <= 0) return Promise.reject(new Error('broker unavailable'));
    return this.inner.publish(topic, message);
  }
  subscribe: MessageBus['subscribe'] = (...args) => this.inner.subscribe(...args);
  close = () => this.inner.close();
}

const outboxRows = (database: Database) => database.read((em) => em.count(OutboxEventEntity));

describe('outbox relay on the embedded store (events published from memory)', () => {
  let database: Database;
  beforeEach(async () => {
    database = await Database.open({ dataDir: IN_MEMORY, poolSize: 1 }, [outboxSchema]);
  });
  afterEach(async () => {
    await database.close();
  });

  it('deletes published rows together after the delay, and at once on stop', async () => {
    const bus = new InMemoryMessageBus();
    const seen = await observe(bus);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 60_000, embedded: { deleteDelayMs: 300 } });
    relay.start();
    for (let n = 0; n < 5; n++) await database.transaction((tx) => enqueueOutbox(tx, event('k', n)));
    await waitFor(() => seen.length === 5, 5000, '5 events');
    // Published, the delete still deferred.
    expect(await outboxRows(database)).toBe(5);
    await waitFor(async () => (await outboxRows(database)) === 0, 5000, 'the deferred delete');
    await database.transaction((tx) => enqueueOutbox(tx, event('k', 5)));
    await waitFor(() => seen.length === 6, 5000, 'the sixth event');
    await relay.stop();
    expect(await outboxRows(database)).toBe(0);
    expect(seen.map((e) => e.n)).toEqual([0, 1, 2, 3, 4, 5]);
    await bus.close();
  });

  it('publishes rows written outside Database.transaction on its poll, once each', async () => {
    const bus = new InMemoryMessageBus();
    const seen = await observe(bus);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 50 });
    relay.start();
    await database.transaction((tx) => enqueueOutbox(tx, event('a', 1)));
    // Not announced to the relay: only a read of the table finds it.
    await database.dataSource.manager.transaction((tx) => enqueueOutbox(tx, event('b', 2)));
    await database.transaction((tx) => enqueueOutbox(tx, event('a', 3)));
    await waitFor(() => seen.length >= 3, 5000, '3 events');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.stop();
    expect(seen.map((e) => e.n).sort()).toEqual([1, 2, 3]);
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(3);
    await bus.close();
  });

  it('keeps order per key through an outage longer than memory holds, delivering every event once', async () => {
    const inner = new InMemoryMessageBus();
    const bus = new OutageBus(inner);
    const seen = await observe(inner);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 30, batchSize: 7, embedded: { maxInMemory: 10 } });
    relay.start();
    bus.down = true;
    for (let n = 0; n < 60; n++) await database.transaction((tx) => enqueueOutbox(tx, event(`k${n % 4}`, n)));
    bus.down = false;
    // Commits keep coming while the backlog drains from the table.
    for (let n = 60; n < 80; n++) await database.transaction((tx) => enqueueOutbox(tx, event(`k${n % 4}`, n)));
    await waitFor(() => seen.length >= 80, 10_000, '80 events');
    await relay.stop();
    for (let k = 0; k < 4; k++) {
      const ns = seen.filter((e) => e.key === `k${k}`).map((e) => e.n);
      expect(ns).toEqual(Array.from({ length: 20 }, (_, i) => 4 * i + k));
    }
    expect(await outboxRows(database)).toBe(0);
    await inner.close();
  });

  it('holds at most maxInMemory events while the bus is down; the rest wait in the table', async () => {
    const inner = new InMemoryMessageBus();
    const bus = new OutageBus(inner);
    bus.down = true;
    const seen = await observe(inner);
    const drain = new EmbeddedOutboxDrain(database, bus, 200, () => undefined, { deleteDelayMs: 100, maxInMemory: 10 });
    const unsubscribe = database.onCommitted((rows) => drain.committed(rows));
    for (let n = 0; n < 30; n++) await database.transaction((tx) => enqueueOutbox(tx, event('k', n)));
    expect(drain.held).toBe(10);
    await expect(drain.drainOnce()).rejects.toThrow('broker unavailable');
    bus.down = false;
    while ((await drain.drainOnce()).more);
    await drain.settle();
    unsubscribe();
    await waitFor(() => seen.length >= 30, 5000, '30 events');
    expect(seen.map((e) => e.n)).toEqual(Array.from({ length: 30 }, (_, n) => n));
    expect(await outboxRows(database)).toBe(0);
    await inner.close();
  });

  it('keeps order when publishing fails halfway through a backlog read from the table', async () => {
    const inner = new InMemoryMessageBus();
    const bus = new OutageBus(inner);
    const seen = await observe(inner);
    // Written before the relay starts: its first drain reads them from the table.
    for (let n = 0; n < 10; n++) await database.transaction((tx) => enqueueOutbox(tx, event('one-key', n)));
    bus.down = true;
    bus.failAfter = 4;
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 30, onError: () => undefined });
    relay.start();
    await waitFor(() => seen.length >= 4, 5000, 'the first 4');
    // Committed while the backlog has not been published: must come after it.
    for (let n = 10; n < 15; n++) await database.transaction((tx) => enqueueOutbox(tx, event('one-key', n)));
    bus.down = false;
    await waitFor(() => new Set(seen.map((e) => e.n)).size >= 15, 5000, '15 distinct events');
    await relay.stop();
    // At least once: the 4 that went out before the failure may come again, but never out of order.
    const firsts = seen.filter((e, i) => seen.findIndex((f) => f.eventId === e.eventId) === i).map((e) => e.n);
    expect(firsts).toEqual(Array.from({ length: 15 }, (_, n) => n));
    const afterRetry = seen.slice(4).map((e) => e.n);
    expect(afterRetry).toEqual([...afterRetry].sort((a, b) => a - b));
    await inner.close();
  });
});
