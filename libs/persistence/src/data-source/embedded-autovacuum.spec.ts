import { outboxSchema } from '../outbox/outbox.schema';
import { enqueueOutbox } from '../outbox/outbox';
import { Database } from './database';
import { IN_MEMORY } from './data-source-options';
import { EmbeddedAutovacuum } from './embedded-autovacuum';

/** Writes `n` units of work of one outbox row each, deleting the rows as the relay would. */
async function churn(database: Database, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await database.transaction(async (tx) => {
      for (let j = 0; j < 3; j++) await enqueueOutbox(tx, { topic: 't', key: `k${i}`, eventType: 'test.created', payload: { i, j, padding: 'x'.repeat(200) } });
    });
    // As the relay does: the oldest rows by id, then a DELETE of those ids.
    const rows: { id: string }[] = await database.read((em) => em.query('SELECT id::text AS id FROM outbox ORDER BY id LIMIT 200'));
    await database.autocommit((em) => em.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]));
  }
}

const outboxBytes = async (database: Database) =>
  Number((await database.read((em) => em.query("SELECT pg_relation_size('outbox') AS bytes")))[0].bytes);

describe('EmbeddedAutovacuum (PGlite has no autovacuum of its own)', () => {
  let database: Database;
  beforeEach(async () => (database = await Database.open({ dataDir: IN_MEMORY, poolSize: 1 }, [outboxSchema])));
  afterEach(() => database.close());

  it('keeps a churning outbox small; without it the dead rows stay', async () => {
    await churn(database, 600);
    const unvacuumed = await outboxBytes(database);

    const autovacuum = new EmbeddedAutovacuum(database, { outboxEveryCommits: 50, tableIntervalMs: 60_000 });
    autovacuum.start();
    await autovacuum.vacuumOutbox();
    await churn(database, 600);
    await autovacuum.stop();
    const vacuumed = await outboxBytes(database);

    expect(unvacuumed).toBeGreaterThan(8 * 8192); // 1800 dead rows of ~250 bytes
    expect(vacuumed).toBeLessThan(unvacuumed / 4); // at most the rows of 50 commits
  });

  it('vacuums and analyzes the other tables in turn', async () => {
    await database.autocommit((em) => em.query('CREATE TABLE churned (id int PRIMARY KEY, body text)'));
    await database.autocommit((em) => em.query("INSERT INTO churned SELECT g, repeat('y', 100) FROM generate_series(1, 2000) g"));
    await database.autocommit((em) => em.query('DELETE FROM churned WHERE id > 10'));
    const autovacuum = new EmbeddedAutovacuum(database, { outboxEveryCommits: 1000, tableIntervalMs: 5 });
    autovacuum.start();
    const analyzed = async () => Number((await database.read((em) => em.query("SELECT reltuples FROM pg_class WHERE relname = 'churned'")))[0].reltuples);
    for (let i = 0; i < 200 && (await analyzed()) !== 10; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await autovacuum.stop();
    expect(await analyzed()).toBe(10);
  });
});
