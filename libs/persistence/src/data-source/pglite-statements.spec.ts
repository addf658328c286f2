import { PGlite } from '@electric-sql/pglite';
import { usePreparedStatements } from './pglite-statements';

describe('usePreparedStatements (PGlite)', () => {
  let plain: PGlite;
  let prepared: PGlite;
  const schema = `CREATE TABLE t (id uuid PRIMARY KEY, name text, tags text[], body jsonb, at timestamptz, ok boolean, n numeric, k integer)`;

  beforeAll(async () => {
    plain = await PGlite.create();
    prepared = await PGlite.create();
    for (const db of [plain, prepared]) await db.exec(schema);
    usePreparedStatements(prepared, 3);
  });
  afterAll(async () => {
    await plain.close();
    await prepared.close();
  });

  const statementsHeld = async (db: PGlite) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0].n;

  it('returns exactly what query() returns, for every value type, run after run', async () => {
    const row = ['7b0a3f9e-2c1d-4e5f-8a9b-0c1d2e3f4a5b', 'a "quoted" name', ['x', 'y,z', null], JSON.stringify({ a: [1, 2], b: 'c' }), new Date('2026-12-01T10:00:00.123Z'), true, '12345678901234567890.5', 42];
    const nulls = ['8b0a3f9e-2c1d-4e5f-8a9b-0c1d2e3f4a5b', null, null, null, null, false, null, null];
    const insert = 'INSERT INTO t (id, name, tags, body, at, ok, n, k) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *';
    for (const values of [row, nulls]) {
      const a = await plain.query(insert, values);
      const b = await prepared.query(insert, values);
      expect(b.rows).toEqual(a.rows);
      expect(b.fields).toEqual(a.fields);
      expect(b.affectedRows).toBe(a.affectedRows);
    }
    const select = 'SELECT * FROM t WHERE id = ANY($1::uuid[]) AND (ok = $2 OR $2 IS NULL) ORDER BY id';
    for (let run = 0; run < 3; run++) {
      expect((await prepared.query(select, [[row[0], nulls[0]], null])).rows).toEqual((await plain.query(select, [[row[0], nulls[0]], null])).rows);
    }
    expect(await statementsHeld(prepared)).toBe(2); // one per SQL text, reused
    expect(await statementsHeld(plain)).toBe(0);
  });

  it('keeps at most `limit` statements prepared, closing the least recently used', async () => {
    for (let i = 0; i < 6; i++) await prepared.query(`SELECT $1::int + ${i} AS v`, [i]);
    expect(await statementsHeld(prepared)).toBe(3);
    expect((await prepared.query('SELECT $1::int + 5 AS v', [1])).rows).toEqual([{ v: 6 }]);
  });

  it('reports a statement error as query() does, and goes on working', async () => {
    const insert = 'INSERT INTO t (id) VALUES ($1)';
    await prepared.query(insert, ['9b0a3f9e-2c1d-4e5f-8a9b-0c1d2e3f4a5b']);
    await expect(prepared.query(insert, ['9b0a3f9e-2c1d-4e5f-8a9b-0c1d2e3f4a5b'])).rejects.toMatchObject({ code: '23505', constraint: 't_pkey' });
    await expect(prepared.query('SELEC $1', [1])).rejects.toMatchObject({ code: '42601' });
    expect((await prepared.query('SELECT count(*)::int AS n FROM t WHERE id = $1', ['9b0a3f9e-2c1d-4e5f-8a9b-0c1d2e3f4a5b'])).rows).toEqual([{ n: 1 }]);
  });
});
