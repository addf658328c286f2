import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStore, storeKinds, TestStore } from '@alcor/testing';
import { outboxSchema } from '../outbox/outbox.schema';
import { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { enqueueOutbox } from '../outbox/outbox';
import { Database } from './database';
import { IN_MEMORY } from './data-source-options';

const message = (key: string) => ({ topic: 't', key, eventType: 'test.created', payload: { key } });

describe.each(storeKinds())('Database on %s', (kind) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createTestStore(kind);
    database = await Database.open({ databaseUrl: store.databaseUrl, dataDir: IN_MEMORY, poolSize: 10 }, [outboxSchema]);
  });

  afterAll(async () => {
    await database?.close();
    await store?.dispose();
  });

  beforeEach(() => database.transaction((tx) => tx.query('DELETE FROM outbox')));

  it('applies committed migrations and records them', async () => {
    const rows = await database.read((em) => em.query('SELECT name FROM migrations'));
    expect(rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['CreateOutbox1764000000000', 'OutboxPayloadText1764400000000']));
  });

  it('commits a unit of work, or nothing of it when it throws', async () => {
    await database.transaction((tx) => enqueueOutbox(tx, message('kept')));
    await expect(
      database.transaction(async (tx) => {
        await enqueueOutbox(tx, message('dropped'));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const keys = (await database.read((em) => em.find(OutboxEventEntity))).map((e) => e.key);
    expect(keys).toEqual(['kept']);
  });

  it('keeps concurrent units of work isolated: a rollback undoes only its own writes', async () => {
    // On PGlite all units share one connection; without serialization the failing unit's
    // ROLLBACK would also discard the rows of the units interleaved with it.
    const work = Array.from({ length: 40 }, (_, i) =>
      database.transaction(async (tx) => {
        await enqueueOutbox(tx, message(`k${i}`));
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        if (i % 4 === 0) throw new Error(`unit ${i} fails`);
        await enqueueOutbox(tx, message(`k${i}-second`));
      }),
    );
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
    const keys = new Set((await database.read((em) => em.find(OutboxEventEntity))).map((e) => e.key));
    for (let i = 0; i < 40; i++) {
      const committed = i % 4 !== 0;
      expect([keys.has(`k${i}`), keys.has(`k${i}-second`)]).toEqual([committed, committed]);
    }
  });

  it('says when the store is free: after the running unit of work on PGlite (one connection), at once on PostgreSQL (a pool)', async () => {
    let release!: () => void;
    const held = database.transaction(() => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    let freed = false;
    const free = database.whenFree().then(() => (freed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(freed).toBe(kind === 'postgres');
    release();
    await Promise.all([held, free]);
    expect(freed).toBe(true);
  });

  it('reports readiness through ping', async () => {
    await expect(database.ping()).resolves.toBe(true);
  });
});

describe('Database on PGlite with a data directory', () => {
  it('keeps accepted changes across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'alcor-pglite-'));
    try {
      const first = await Database.open({ dataDir, poolSize: 1 }, [outboxSchema]);
      await first.transaction((tx) => enqueueOutbox(tx, message('survivor')));
      await first.close();
      const second = await Database.open({ dataDir, poolSize: 1 }, [outboxSchema]);
      const keys = (await second.read((em) => em.find(OutboxEventEntity))).map((e) => e.key);
      await second.close();
      expect(keys).toEqual(['survivor']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('nested units of work', () => {
  it('join the outer transaction: an inner write rolls back with the outer failure', async () => {
    const database = await Database.open({ dataDir: IN_MEMORY, poolSize: 1 }, [outboxSchema]);
    try {
      await expect(
        database.transaction(async (tx) => {
          await enqueueOutbox(tx, message('outer'));
          // e.g. an in-process allocator called by a use case: must not commit on its own.
          await database.transaction(async (inner) => {
            expect(inner).toBe(tx);
            await inner.insert(OutboxEventEntity, { eventId: randomUUID(), topic: 't', key: 'inner', eventType: 'e', payload: '{}' });
          });
          expect(await database.read((em) => em.count(OutboxEventEntity))).toBe(1);
          throw new Error('outer fails after the inner unit returned');
        }),
      ).rejects.toThrow('outer fails');
      expect(await database.read((em) => em.count(OutboxEventEntity))).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe('outbox rows of a unit of work', () => {
  it('are written at commit, in recording order, and not at all when it rolls back', async () => {
    const database = await Database.open({ dataDir: IN_MEMORY, poolSize: 1 }, [outboxSchema]);
    try {
      await database.transaction(async (tx) => {
        await enqueueOutbox(tx, message('first'));
        await database.transaction((inner) => enqueueOutbox(inner, message('second')));
        await enqueueOutbox(tx, message('third'));
        // Buffered: nothing is in the table before the commit.
        expect(await tx.count(OutboxEventEntity)).toBe(0);
      });
      const rows = await database.read((em) => em.find(OutboxEventEntity, { order: { id: 'ASC' } }));
      expect(rows.map((r) => r.key)).toEqual(['first', 'second', 'third']);
      await expect(
        database.transaction(async (tx) => {
          await enqueueOutbox(tx, message('rolled back'));
          throw new Error('fails');
        }),
      ).rejects.toThrow('fails');
      expect(await database.read((em) => em.count(OutboxEventEntity))).toBe(3);
    } finally {
      await database.close();
    }
  });
});
