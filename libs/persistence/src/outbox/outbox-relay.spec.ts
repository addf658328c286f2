import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJson, InMemoryMessageBus, MessageBus, OutgoingMessage, PublishResult } from '@alcor/bus';
import { createTestStore, storeKinds, TestStore, waitFor } from '@alcor/testing';
import { Database } from '../data-source/database';
import { IN_MEMORY } from '../data-source/data-source-options';
import { enqueueOutbox } from './outbox';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';
import { outboxSchema } from './outbox.schema';

const event = (key: string, n: number) => ({ topic: 'persistent://alcor/test/relay', key, eventType: 'test.changed', payload: { key, n } });

async function collect(bus: MessageBus, into: { key?: string; n: number; eventId: string }[]) {
  await bus.subscribe('persistent://alcor/test/relay', 'observer', { mode: 'exclusive', autoAck: true, initialPosition: 'earliest' }, (m) => {
    into.push({ key: m.key, n: (decodeJson(m) as { n: number }).n, eventId: m.properties.eventId });
  });
}

/** A bus whose publishes fail until `healthy` is set: a broker outage. */
class FlakyBus implements MessageBus {
  healthy = false;
  constructor(private readonly inner: MessageBus) {}
  publish(topic: string, message: OutgoingMessage): Promise<PublishResult> {
    return this.healthy ? this.inner.publish(topic, message) : Promise.reject(new Error('broker unavailable'));
  }
  subscribe: MessageBus['subscribe'] = (...args) => this.inner.subscribe(...args);
  close = () => this.inner.close();
}

describe.each(storeKinds())('outbox relay on %s', (kind) => {
  let store: TestStore;
  let database: Database;
  beforeAll(async () => {
    store = await createTestStore(kind);
    database = await Database.open({ databaseUrl: store.databaseUrl, dataDir: IN_MEMORY, poolSize: 5 }, [outboxSchema]);
  });
  afterAll(async () => {
    await database?.close();
    await store?.dispose();
  });

  it('publishes committed events in commit order per key, never rolled-back ones, then empties the outbox', async () => {
    const bus = new InMemoryMessageBus();
    const seen: { key?: string; n: number; eventId: string }[] = [];
    await collect(bus, seen);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 1000 });
    relay.start();
    for (let n = 0; n < 20; n++) await database.transaction((tx) => enqueueOutbox(tx, event(`k${n % 3}`, n)));
    await database.transaction((tx) => enqueueOutbox(tx, event('k0', 99))).catch(() => undefined);
    await expect(
      database.transaction(async (tx) => {
        await enqueueOutbox(tx, event('k1', -1));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow();
    await waitFor(() => seen.length >= 21, 5000, '21 events');
    await relay.stop();
    for (const key of ['k0', 'k1', 'k2']) {
      const ns = seen.filter((e) => e.key === key).map((e) => e.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    expect(seen.some((e) => e.n === -1)).toBe(false);
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(seen.length);
    expect(await database.read((em) => em.count(OutboxEventEntity))).toBe(0);
    await bus.close();
  });

  it('publishes a backlog in id order across digit counts (99, 100 …), not in text order', async () => {
    const bus = new InMemoryMessageBus();
    const seen: { key?: string; n: number; eventId: string }[] = [];
    await collect(bus, seen);
    // Written before the relay starts, so one batch holds ids 96 to 120: two and three digits.
    await database.transaction((tx) => tx.query("SELECT setval('outbox_id_seq', 95)"));
    for (let n = 0; n < 25; n++) await database.transaction((tx) => enqueueOutbox(tx, event('one-key', n)));
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 1000 });
    relay.start();
    await waitFor(() => seen.length >= 25, 5000, '25 events');
    await relay.stop();
    expect(seen.map((e) => e.n)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    await bus.close();
  });

  it('publishes in id order when the table holds newer rows before older ones (rows reuse vacuumed space)', async () => {
    const bus = new InMemoryMessageBus();
    const seen: { key?: string; n: number; eventId: string }[] = [];
    await collect(bus, seen);
    const write = (from: number, count: number) =>
      database.transaction(async (tx) => {
        for (let n = from; n < from + count; n++) await enqueueOutbox(tx, event('one-key', n));
      });
    // 0-299 written, 0-149 taken out and vacuumed away: 300-449 land in the freed pages, before 150-299.
    await write(0, 300);
    await database.transaction((tx) => tx.query('DELETE FROM outbox WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT 150)'));
    await database.autocommit((em) => em.query('VACUUM outbox'));
    await write(300, 150);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 1000, batchSize: 500 });
    relay.start();
    await waitFor(() => seen.length >= 300, 10_000, '300 events');
    await relay.stop();
    expect(seen.map((e) => e.n)).toEqual(Array.from({ length: 300 }, (_, i) => 150 + i));
    await bus.close();
  });

  it('stays idle when there is nothing to publish (its own commits do not wake it)', async () => {
    const bus = new InMemoryMessageBus();
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 1000 });
    const transactions = jest.spyOn(database, 'transaction');
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.stop();
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(2);
    transactions.mockRestore();
    await bus.close();
  });

  it('keeps events through a bus outage and delivers them once it is back', async () => {
    const inner = new InMemoryMessageBus();
    const bus = new FlakyBus(inner);
    const seen: { key?: string; n: number; eventId: string }[] = [];
    await collect(inner, seen);
    const relay = new OutboxRelay(database, bus, { pollIntervalMs: 20 });
    relay.start();
    await database.transaction((tx) => enqueueOutbox(tx, event('a', 1)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(0);
    expect(await database.read((em) => em.count(OutboxEventEntity))).toBe(1);
    bus.healthy = true;
    await waitFor(() => seen.length === 1, 5000, 'the event after the outage');
    await relay.stop();
    await inner.close();
  });
});

describe('outbox relay across a crash (PGlite on disk)', () => {
  it('publishes after restart what was committed before the process died', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'alcor-outbox-'));
    try {
      const first = await Database.open({ dataDir, poolSize: 1 }, [outboxSchema]);
      // Committed, but the process "dies" before any relay ran.
      await first.transaction(async (tx) => {
        await enqueueOutbox(tx, event('net-1', 1));
        await enqueueOutbox(tx, event('net-1', 2));
      });
      await first.close();

      const second = await Database.open({ dataDir, poolSize: 1 }, [outboxSchema]);
      const bus = new InMemoryMessageBus();
      const seen: { key?: string; n: number; eventId: string }[] = [];
      await collect(bus, seen);
      const relay = new OutboxRelay(second, bus, { pollIntervalMs: 1000 });
      relay.start();
      await waitFor(() => seen.length === 2, 5000, 'the events committed before the crash');
      expect(seen.map((e) => e.n)).toEqual([1, 2]);
      await relay.stop();
      await bus.close();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
