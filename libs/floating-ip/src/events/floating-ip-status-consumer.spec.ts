import { randomUUID } from 'node:crypto';
import { InMemoryMessageBus, publishJson } from '@alcor/bus';
import { FloatingIpStatusEvent, TOPICS } from '@alcor/contracts';
import { Database, IN_MEMORY, OutboxEventEntity, outboxSchema } from '@alcor/persistence';
import { createTestStore, storeKinds, TestStore, waitFor } from '@alcor/testing';
import { associationOf, resetStatusIfReassociated } from '../domain/floating-ip-association-status';
import { FloatingIpEntity } from '../domain/floating-ip.entity';
import { floatingIpSchema } from '../floating-ip.schema';
import { FloatingIpStatusConsumer } from './floating-ip-status-consumer';

// The data plane's verdicts applied to the floating IP they name: only to the current association
// (same port, revision not older than association_revision), idempotently, with an outbox event.

const report = (fip: FloatingIpEntity, status: FloatingIpStatusEvent['status'], extra: Partial<FloatingIpStatusEvent> = {}): FloatingIpStatusEvent => ({
  schemaVersion: 1,
  eventId: randomUUID(),
  floatingIpId: fip.id,
  status,
  portId: fip.portId ?? '',
  revision: fip.associationRevision,
  hostId: 'host-1',
  generation: 1,
  reason: 'acked',
  occurredAt: new Date().toISOString(),
  ...extra,
});

describe('resetStatusIfReassociated', () => {
  const entity = (portId: string | null, fixedIp: string | null) =>
    Object.assign(new FloatingIpEntity(), { portId, fixedIpAddress: fixedIp, routerId: portId ? 'r1' : null, status: 'ACTIVE', revisionNumber: 7, associationRevision: 3 });

  it('a new association (port, fixed IP or router) is DOWN at its revision; anything else keeps the status', () => {
    for (const [portId, fixedIp] of [['p2', '10.0.0.5'], ['p1', '10.0.0.6'], [null, null]] as const) {
      const fip = entity('p1', '10.0.0.5');
      const before = associationOf(fip);
      Object.assign(fip, { portId, fixedIpAddress: fixedIp, routerId: portId ? 'r1' : null });
      resetStatusIfReassociated(fip, before);
      expect([fip.status, fip.associationRevision]).toEqual(['DOWN', 7]);
    }
    const same = entity('p1', '10.0.0.5');
    resetStatusIfReassociated(same, associationOf(same));
    expect([same.status, same.associationRevision]).toEqual(['ACTIVE', 3]);
  });
});

describe.each(storeKinds())('FloatingIpStatusConsumer on %s', (kind) => {
  let store: TestStore;
  let database: Database;
  let consumer: FloatingIpStatusConsumer;

  beforeAll(async () => {
    store = await createTestStore(kind);
    database = await Database.open({ databaseUrl: store.databaseUrl, dataDir: IN_MEMORY, poolSize: 5 }, [outboxSchema, floatingIpSchema]);
    consumer = new FloatingIpStatusConsumer(database, new InMemoryMessageBus());
  });
  afterAll(async () => {
    await database?.close();
    await store?.dispose();
  });

  async function stored(portId: string | null, revision: number, associationRevision: number, status = 'DOWN'): Promise<FloatingIpEntity> {
    const now = new Date();
    const fip = Object.assign(new FloatingIpEntity(), {
      id: randomUUID(),
      projectId: 'p',
      description: '',
      floatingNetworkId: randomUUID(),
      floatingSubnetId: randomUUID(),
      floatingIpAddress: '203.0.113.10',
      floatingPortId: randomUUID(),
      portId,
      fixedIpAddress: portId ? '10.0.0.5' : null,
      routerId: portId ? randomUUID() : null,
      status,
      tags: [],
      revisionNumber: revision,
      associationRevision,
      createdAt: now,
      updatedAt: now,
    });
    await database.transaction((tx) => tx.insert(FloatingIpEntity, fip));
    return fip;
  }
  const reload = (id: string) => database.transaction((tx) => tx.getRepository(FloatingIpEntity).findOneByOrFail({ id }));
  const outboxOf = (id: string) =>
    database.transaction(async (tx) => (await tx.getRepository(OutboxEventEntity).find({ where: { key: id }, order: { id: 'ASC' } })).map((e) => JSON.parse(e.payload) as { type: string; data: { status: string; revision_number: number } }));

  it('ACTIVE for the current association: revision + 1 and a floatingip.updated event; a redelivery changes nothing', async () => {
    const fip = await stored(randomUUID(), 4, 4);
    expect(await consumer.apply(report(fip, 'ACTIVE'))).toBe(true);
    expect(await consumer.apply(report(fip, 'ACTIVE'))).toBe(false);
    expect(await reload(fip.id)).toMatchObject({ status: 'ACTIVE', revisionNumber: 5, associationRevision: 4 });
    const events = await outboxOf(fip.id);
    expect(events.map((e) => [e.type, e.data.status, e.data.revision_number])).toEqual([['floatingip.updated', 'ACTIVE', 5]]);
    // later reports of this association (host down, failure) still apply: the revision it names is the programmed one
    expect(await consumer.apply(report(fip, 'DOWN', { reason: 'host down' }))).toBe(true);
    expect(await consumer.apply(report(fip, 'ERROR', { revision: 4 }))).toBe(true);
    expect((await reload(fip.id)).status).toBe('ERROR');
  });

  it('drops reports about another port, an older association of the same port, or an unknown floating IP', async () => {
    const fip = await stored(randomUUID(), 9, 8);
    expect(await consumer.apply(report(fip, 'ACTIVE', { portId: randomUUID() }))).toBe(false);
    expect(await consumer.apply(report(fip, 'ACTIVE', { revision: 7 }))).toBe(false);
    const unassociated = await stored(null, 3, 3);
    expect(await consumer.apply(report(unassociated, 'ACTIVE', { portId: randomUUID() }))).toBe(false);
    expect(await consumer.apply(report(fip, 'ACTIVE', { floatingIpId: randomUUID() }))).toBe(false);
    expect(await consumer.apply(report(fip, 'ACTIVE', { floatingIpId: 'not-a-uuid' }))).toBe(false);
    expect(await reload(fip.id)).toMatchObject({ status: 'DOWN', revisionNumber: 9 });
    expect(await outboxOf(fip.id)).toEqual([]);
    // the current association's report does apply
    expect(await consumer.apply(report(fip, 'ACTIVE', { revision: 8 }))).toBe(true);
  });

  it('subscribes TOPICS.floatingIpStatusEvents and applies what arrives', async () => {
    const bus = new InMemoryMessageBus();
    const subscribed = new FloatingIpStatusConsumer(database, bus);
    await subscribed.onApplicationBootstrap();
    const fip = await stored(randomUUID(), 2, 2);
    await publishJson(bus, TOPICS.floatingIpStatusEvents, report(fip, 'ACTIVE'), { key: fip.id });
    await waitFor(async () => (await reload(fip.id)).status === 'ACTIVE', 3000, 'the status applied');
    await subscribed.onApplicationShutdown();
  });
});
