import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { createTestStore, storeKinds, TestStore } from '@alcor/testing';
import { Database } from './database';
import { IN_MEMORY } from './data-source-options';
import { insertRows } from './insert-rows';

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

class CreateProbe1764300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE insert_rows_probe (
      id integer PRIMARY KEY, name varchar(32) NOT NULL DEFAULT 'unnamed', enabled boolean NOT NULL DEFAULT true,
      profile jsonb NOT NULL DEFAULT '{}', tags text[] NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE insert_rows_probe');
  }
}

const schema = { entities: { ProbeEntity }, migrations: { CreateProbe1764300000000 } };

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
});
