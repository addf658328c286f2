import { PGlite } from '@electric-sql/pglite';
import { useTimeSlices } from './pglite-time-slices';

/** A statement that keeps the WebAssembly busy for a few milliseconds. */
const busy = 'SELECT count(*) FROM generate_series(1, 100000)';

/**
 * Runs 20 busy statements in one transaction, statement by statement as TypeORM's driver sends
 * them; answers how many loop turns (setImmediate) happened meanwhile.
 */
async function turnsDuringTransaction(db: PGlite): Promise<number> {
  let turns = 0;
  let counting = true;
  const tick = (): void => {
    if (!counting) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  await db.query('BEGIN');
  for (let i = 0; i < 20; i++) await db.query(busy);
  await db.query('COMMIT');
  counting = false;
  return turns;
}

describe('useTimeSlices (PGlite)', () => {
  let plain: PGlite;
  let sliced: PGlite;

  beforeAll(async () => {
    [plain, sliced] = await Promise.all([PGlite.create(), PGlite.create()]);
    useTimeSlices(sliced, 4);
  });
  afterAll(async () => {
    await plain.close();
    await sliced.close();
  });

  it('lets the event loop turn between statements of a long transaction; plain PGlite holds it throughout', async () => {
    const started = performance.now();
    await plain.query(busy);
    const perStatementMs = performance.now() - started;
    expect(await turnsDuringTransaction(plain)).toBe(0);
    // at least one turn per 4 ms slice (statements are not cut, so a slice may hold several)
    const expected = Math.floor((20 * perStatementMs) / Math.max(4, perStatementMs) / 2);
    expect(await turnsDuringTransaction(sliced)).toBeGreaterThanOrEqual(Math.max(2, expected));
  });

  it('returns the same results and errors as before', async () => {
    expect((await sliced.query<{ n: number }>('SELECT $1::int + 1 AS n', [41])).rows).toEqual([{ n: 42 }]);
    await expect(sliced.exec('SELECT * FROM missing_table')).rejects.toThrow(/missing_table/);
  });
});
