import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { createTestStore, storeKinds, TestStore } from '@alcor/testing';
import { Database } from './database';
import { IN_MEMORY } from './data-source-options';
import { insertAtCommit } from '../outbox/outbox-buffer';
import { insertRows, insertTogether } from './insert-rows';

@Entity({ name: 'insert_rows_probe' })
class ProbeEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 32, default: 'unnamed' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  profile!: Record<string, unknown>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Refers to a probe row: the foreign key a combined insert must satisfy. */
@Entity({ name: 'insert_rows_probe_child' })
class ProbeChildEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'probe_id', type: 'integer' })
  probeId!: number;
}

class CreateProbe1764300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE insert_rows_probe (
      id integer PRIMARY KEY, name varchar(32) NOT NULL DEFAULT 'unnamed', enabled boolean NOT NULL DEFAULT true,
      profile jsonb NOT NULL DEFAULT '{}', tags text[] NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query('CREATE TABLE insert_rows_probe_child (id integer PRIMARY KEY, probe_id integer NOT NULL REFERENCES insert_rows_probe (id))');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE insert_rows_probe_child');
    await q.query('DROP TABLE insert_rows_probe');
  }
}

const schema = { entities: { ProbeEntity, ProbeChildEntity }, migrations: { CreateProbe1764300000000 } };

describe.each(storeKinds())('insertRows on %s', (kind) => {
  let store: TestStore;
  let database: Database;

  beforeAll(async () => {
    store = await createTestStore(kind);
    database = await Database.open({ databaseUrl: store.databaseUrl, dataDir: IN_MEMORY, poolSize: 2 }, [schema]);
  });
  afterAll(async () => {
    await database?.close();
    await store?.dispose();
  });

  it('binds every column type as tx.insert does, and absent values take the column default', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    await database.transaction((tx) =>
      insertRows(tx, ProbeEntity, [
        { id: 1, name: "o'brien", enabled: false, profile: { nested: { list: [1, 'two', null] } }, tags: ['a', 'b c', '{x}'], createdAt: at },
        { id: 2 },
      ]),
    );
    const rows = await database.read((em) => em.find(ProbeEntity, { order: { id: 'ASC' } }));
    expect(rows[0]).toEqual({ id: 1, name: "o'brien", enabled: false, profile: { nested: { list: [1, 'two', null] } }, tags: ['a', 'b c', '{x}'], createdAt: at });
    expect(rows[1]).toMatchObject({ id: 2, name: 'unnamed', enabled: true, profile: {}, tags: [] });
    expect(rows[1].createdAt.getTime()).toBeGreaterThan(at.getTime());
  });

  it('splits rows over statements that stay under 65535 parameters', async () => {
    // 6 columns a row: 20 000 rows are 120 000 parameters, more than one statement can carry.
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: 1000 + i, name: `n${i}`, enabled: true, profile: {}, tags: [], createdAt: new Date() }));
    await database.transaction((tx) => insertRows(tx, ProbeEntity, rows));
    expect(await database.read((em) => em.count(ProbeEntity))).toBe(20_002);
  });

  it('fails whole with the unique violation when one row clashes, inserting nothing', async () => {
    await expect(database.transaction((tx) => insertRows(tx, ProbeEntity, [{ id: 99_999 }, { id: 1 }]))).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    expect(await database.read((em) => em.count(ProbeEntity))).toBe(20_002);
  });

  describe('insertTogether', () => {
    it('writes parent and child rows in one statement (the foreign key holds) and returns from the last', async () => {
      const returned = await database.transaction(async (tx) => {
        const query = jest.spyOn(tx, 'query');
        const rows = await insertTogether(tx, [{ target: ProbeEntity, rows: [{ id: 500_001 }, { id: 500_002 }] }, { target: ProbeChildEntity, rows: [{ id: 1, probeId: 500_001 }, { id: 2, probeId: 500_002 }] }], ['id']);
        expect(query).toHaveBeenCalledTimes(1);
        return rows;
      });
      expect(returned.map((r) => r['id']).sort()).toEqual([1, 2]);
      expect(await database.read((em) => em.find(ProbeChildEntity, { order: { id: 'ASC' } }))).toEqual([
        { id: 1, probeId: 500_001 },
        { id: 2, probeId: 500_002 },
      ]);
    });

    it('fails whole when a child refers to no parent, inserting neither', async () => {
      const before = await database.read((em) => em.count(ProbeEntity));
      await expect(
        database.transaction((tx) => insertTogether(tx, [{ target: ProbeEntity, rows: [{ id: 600_001 }] }, { target: ProbeChildEntity, rows: [{ id: 3, probeId: 600_002 }] }])),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
      expect(await database.read((em) => em.count(ProbeEntity))).toBe(before);
    });

    it('runs the inserts one after another past the parameter limit', async () => {
      const parents = Array.from({ length: 12_000 }, (_, i) => ({ id: 700_000 + i }));
      const children = parents.map((p, i) => ({ id: 10 + i, probeId: p.id }));
      await database.transaction(async (tx) => {
        const query = jest.spyOn(tx, 'query');
        await insertTogether(tx, [{ target: ProbeEntity, rows: parents }, { target: ProbeChildEntity, rows: children }]);
        expect(query.mock.calls.length).toBeGreaterThanOrEqual(3); // 72 000 + 24 000 parameters
      });
      expect(await database.read((em) => em.count(ProbeChildEntity))).toBe(12_002);
    });
  });

  describe('insertAtCommit', () => {
    const visible = (tx: Parameters<typeof insertRows>[0], id: number) => tx.count(ProbeEntity, { where: { id } });

    it('waits for the commit statement when the transaction owner allows it', async () => {
      const seenInside = await database.transaction(async (tx) => {
        await insertAtCommit(tx, ProbeEntity, [{ id: 800_001 }]);
        return visible(tx, 800_001);
      }, { deferInserts: true });
      expect(seenInside).toBe(0);
      expect(await database.read((em) => visible(em, 800_001))).toBe(1);
    });

    it('inserts at once otherwise, and inside a unit of work that joined a larger one', async () => {
      const seen = await database.transaction(async (tx) => {
        await insertAtCommit(tx, ProbeEntity, [{ id: 800_002 }]);
        // A nested unit of work asking to defer joins this one, which did not allow it.
        await database.transaction((inner) => insertAtCommit(inner, ProbeEntity, [{ id: 800_003 }]), { deferInserts: true });
        return [await visible(tx, 800_002), await visible(tx, 800_003)];
      });
      expect(seen).toEqual([1, 1]);
    });

    it('fails the whole unit of work when a deferred row breaks a constraint at commit', async () => {
      await expect(
        database.transaction(async (tx) => {
          await insertRows(tx, ProbeEntity, [{ id: 800_004 }]);
          await insertAtCommit(tx, ProbeEntity, [{ id: 800_001 }]); // taken above
        }, { deferInserts: true }),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
      expect(await database.read((em) => visible(em, 800_004))).toBe(0);
    });
  });
});
