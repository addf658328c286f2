import { GroupCommit } from './group-commit';

/** A commitAll stand-in: all-or-none, slow enough that callers pile up. */
class RecordingCommit {
  readonly calls: string[][] = [];
  readonly run = async (items: string[]): Promise<string[]> => {
    this.calls.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const bad = items.find((i) => i.startsWith('bad'));
    if (bad) throw new Error(`refused ${bad}`);
    return items.map((i) => `done-${i}`);
  };
}

const outsideTransaction = { inTransaction: () => false };
const options = { concurrency: 1, maxBatch: 16, gatherMs: 0 };

describe('GroupCommit', () => {
  it('commits a lone request alone, and requests that arrive while a batch commits as one call', async () => {
    const commit = new RecordingCommit();
    const group = new GroupCommit(outsideTransaction, commit.run, options);
    expect(await group.submit('lone')).toBe('done-lone');
    expect(commit.calls).toEqual([['lone']]);

    // Two arrive in one I/O turn, then 18 more while those commit (the stand-in takes 5 ms): 16 per batch.
    const first = [group.submit('p0'), group.submit('p1')];
    await new Promise((resolve) => setTimeout(resolve, 1));
    const names = Array.from({ length: 18 }, (_, i) => `q${i}`);
    const later = names.map((n) => group.submit(n));
    const results = await Promise.all([...first, ...later]);
    expect(results).toEqual(['p0', 'p1', ...names].map((n) => `done-${n}`)); // each caller gets its own result
    expect(commit.calls.slice(1)).toEqual([['p0', 'p1'], names.slice(0, 16), names.slice(16)]);
  });

  it('retries a failed batch one by one: only the bad request fails, with its own error', async () => {
    const commit = new RecordingCommit();
    const group = new GroupCommit(outsideTransaction, commit.run, options);
    const names = ['a0', 'a1', 'a2', 'bad3', 'a4', 'a5'];
    const outcomes = await Promise.allSettled(names.map((n) => group.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toEqual(new Error('refused bad3'));
    expect(commit.calls.some((c) => c.length > 1 && c.includes('bad3'))).toBe(true); // it was batched first
  });

  it('does not batch a request made inside a unit of work: it runs at once, in that transaction', async () => {
    const commit = new RecordingCommit();
    const group = new GroupCommit({ inTransaction: () => true }, commit.run, options);
    const results = await Promise.all([group.submit('x'), group.submit('y')]);
    expect(results).toEqual(['done-x', 'done-y']);
    expect(commit.calls).toEqual([['x'], ['y']]);
  });

  it('takes the batch when the store is free: requests that arrive while another unit of work holds it join one batch', async () => {
    const commit = new RecordingCommit();
    let free!: () => void;
    const busy = new Promise<void>((resolve) => (free = resolve));
    const group = new GroupCommit({ inTransaction: () => false, whenFree: () => busy }, commit.run, options);
    const first = group.submit('a');
    await new Promise((resolve) => setTimeout(resolve, 2)); // the drain has run and waits for the store
    const later = ['b', 'c', 'd'].map((n) => group.submit(n));
    free();
    expect(await Promise.all([first, ...later])).toEqual(['done-a', 'done-b', 'done-c', 'done-d']);
    expect(commit.calls).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('runs up to `concurrency` batches at once', async () => {
    const commit = new RecordingCommit();
    const group = new GroupCommit(outsideTransaction, commit.run, { concurrency: 2, maxBatch: 2, gatherMs: 0 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => group.submit(n)));
    expect(commit.calls).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  describe('gathering the last batch\'s callers', () => {
    /** Callers that send again `thinkMs` after each answer, as a client with several requests in flight does. */
    async function closedLoop(commit: RecordingCommit, gatherMs: number, callers: string[], rounds: number, thinkMs: number) {
      const group = new GroupCommit(outsideTransaction, commit.run, { ...options, gatherMs });
      await Promise.all(
        callers.map(async (caller, i) => {
          // The first caller starts alone; the rest arrive while its commit runs.
          while (i > 0 && commit.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
          for (let round = 0; round < rounds; round++) {
            await group.submit(`${caller}-${round}`);
            await new Promise((resolve) => setTimeout(resolve, thinkMs));
          }
        }),
      );
    }

    it('commits callers that come back within gatherMs together with those already waiting', async () => {
      const gathered = new RecordingCommit();
      await closedLoop(gathered, 50, ['a', 'b', 'c', 'd'], 5, 2);
      const split = new RecordingCommit();
      await closedLoop(split, 0, ['a', 'b', 'c', 'd'], 5, 2);
      // Without gathering, the first lone commit splits the callers for good; with it they rejoin.
      expect(gathered.calls.map((c) => c.length)).toEqual([1, 3, 4, 4, 4, 4]);
      expect(split.calls.length).toBeGreaterThanOrEqual(8); // 1, 3, 1, 3 … when nothing slips
      expect(split.calls.slice(0, 2).map((c) => c.length)).toEqual([1, 3]);
    });

    it('never makes a lone caller wait', async () => {
      const commit = new RecordingCommit();
      const group = new GroupCommit(outsideTransaction, commit.run, { ...options, gatherMs: 60_000 });
      for (const name of ['x', 'y', 'z']) expect(await group.submit(name)).toBe(`done-${name}`);
      expect(commit.calls).toEqual([['x'], ['y'], ['z']]);
    });

    it('stops waiting after gatherMs when the last batch\'s callers do not come back', async () => {
      const commit = new RecordingCommit();
      const group = new GroupCommit(outsideTransaction, commit.run, { ...options, gatherMs: 40 });
      await Promise.all([group.submit('a'), group.submit('b')]);
      const started = Date.now();
      expect(await group.submit('later')).toBe('done-later');
      expect(Date.now() - started).toBeGreaterThanOrEqual(35);
      expect(commit.calls).toEqual([['a', 'b'], ['later']]);
    });
  });
});
