import { randomBytes } from 'node:crypto';
import { KvClosedError, type KvStore } from '../kv-store';
import { readLease, releaseLease, tryAcquireLease } from '../leases';

export interface KvContractOptions {
  /** Drops the suite's cache afterwards (a shared server keeps it otherwise). */
  dispose?: (cache: string) => Promise<void>;
}

/**
 * The behaviour every KvStore adapter must show. `open(cache)` returns a new client of the named
 * cache; two stores opened on one name must see one another's writes (two replicas). Every test
 * writes under keys of its own random prefix, so the suite can share a long-lived server.
 */
export function describeKvStoreContract(adapter: string, open: (cache: string) => Promise<KvStore>, options: KvContractOptions = {}): void {
  describe(`KvStore contract: ${adapter}`, () => {
    const cache = `kv-contract-${randomBytes(4).toString('hex')}`;
    const stores: KvStore[] = [];
    let kv: KvStore;
    let p: string;

    const another = async () => {
      const store = await open(cache);
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      kv = await another();
    });
    beforeEach(() => {
      p = `t${randomBytes(4).toString('hex')}/`;
    });
    afterAll(async () => {
      await Promise.all(stores.map((s) => s.close()));
      await options.dispose?.(cache);
    });

    it('reads back what was put, overwrites, and answers undefined for a missing key', async () => {
      expect(await kv.get(`${p}a`)).toBeUndefined();
      await kv.put(`${p}a`, 'one');
      expect(await kv.get(`${p}a`)).toBe('one');
      await kv.put(`${p}a`, 'two');
      expect(await kv.get(`${p}a`)).toBe('two');
      expect(kv.name).toBe(cache);
    });

    it('keeps any string intact: empty, unicode, JSON, large', async () => {
      const values = ['', 'ünïcødé ✓ 漢字 🚀', JSON.stringify({ hosts: ['10.0.0.1'], n: 1, nested: { ok: true } }), 'x'.repeat(200_000)];
      await kv.putAll(values.map((v, i) => [`${p}ключ-${i}`, v] as const));
      for (const [i, v] of values.entries()) expect(await kv.get(`${p}ключ-${i}`)).toBe(v);
    });

    it('getAll returns only the keys that exist; putAll stores all, a later duplicate wins', async () => {
      expect((await kv.getAll([])).size).toBe(0);
      await kv.putAll([
        [`${p}1`, 'a'],
        [`${p}2`, 'b'],
        [`${p}1`, 'c'],
      ]);
      const found = await kv.getAll([`${p}1`, `${p}2`, `${p}missing`, `${p}2`]);
      expect(Object.fromEntries(found)).toEqual({ [`${p}1`]: 'c', [`${p}2`]: 'b' });
    });

    it('remove tells whether the key existed', async () => {
      await kv.put(`${p}r`, 'v');
      expect(await kv.remove(`${p}r`)).toBe(true);
      expect(await kv.get(`${p}r`)).toBeUndefined();
      expect(await kv.remove(`${p}r`)).toBe(false);
    });

    it('putIfAbsent writes only the first time', async () => {
      expect(await kv.putIfAbsent(`${p}k`, 'first')).toBe(true);
      expect(await kv.putIfAbsent(`${p}k`, 'second')).toBe(false);
      expect(await kv.get(`${p}k`)).toBe('first');
    });

    it('compareAndSet replaces only the expected value, never an absent key', async () => {
      expect(await kv.compareAndSet(`${p}c`, 'x', 'y')).toBe(false);
      expect(await kv.get(`${p}c`)).toBeUndefined();
      await kv.put(`${p}c`, 'x');
      expect(await kv.compareAndSet(`${p}c`, 'other', 'y')).toBe(false);
      expect(await kv.get(`${p}c`)).toBe('x');
      expect(await kv.compareAndSet(`${p}c`, 'x', 'y')).toBe(true);
      expect(await kv.get(`${p}c`)).toBe('y');
    });

    it('removeIfEquals removes only the expected value', async () => {
      await kv.put(`${p}d`, 'v1');
      expect(await kv.removeIfEquals(`${p}d`, 'v2')).toBe(false);
      expect(await kv.get(`${p}d`)).toBe('v1');
      expect(await kv.removeIfEquals(`${p}d`, 'v1')).toBe(true);
      expect(await kv.get(`${p}d`)).toBeUndefined();
      expect(await kv.removeIfEquals(`${p}d`, 'v1')).toBe(false);
    });

    it('entries lists the keys under a prefix, sorted, and nothing else', async () => {
      await kv.putAll([
        [`${p}topo/b`, '2'],
        [`${p}topo/a`, '1'],
        [`${p}topo/c`, '3'],
        [`${p}other/a`, 'x'],
      ]);
      await kv.remove(`${p}topo/c`);
      expect(await kv.entries(`${p}topo/`)).toEqual([
        [`${p}topo/a`, '1'],
        [`${p}topo/b`, '2'],
      ]);
      expect(await kv.entries(`${p}nothing/`)).toEqual([]);
      const all = await kv.entries();
      expect(all.filter(([k]) => k.startsWith(p)).map(([k]) => k)).toEqual([`${p}other/a`, `${p}topo/a`, `${p}topo/b`]);
    });

    it('a second client of the same cache sees the first one’s writes and removals', async () => {
      const other = await another();
      await kv.put(`${p}shared`, 'from-1');
      expect(await other.get(`${p}shared`)).toBe('from-1');
      await other.put(`${p}shared`, 'from-2');
      expect(await kv.get(`${p}shared`)).toBe('from-2');
      await other.remove(`${p}shared`);
      expect(await kv.get(`${p}shared`)).toBeUndefined();
    });

    it('of 20 concurrent putIfAbsent calls from two clients exactly one wins', async () => {
      const other = await another();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : kv).putIfAbsent(`${p}race`, `w${i}`)));
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await kv.get(`${p}race`)).toBe(`w${winners[0]}`);
    });

    it('of 20 concurrent compareAndSet calls from one expected value exactly one wins', async () => {
      const other = await another();
      await kv.put(`${p}cas`, 'v0');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : kv).compareAndSet(`${p}cas`, 'v0', `v${i + 1}`)));
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await kv.get(`${p}cas`)).toBe(`v${winners[0] + 1}`);
    });

    it('leases: one holder at a time, renewal, takeover after expiry, release by the holder only', async () => {
      const key = `${p}lease`;
      const t = 1_000_000;
      expect(await tryAcquireLease(kv, key, 'a', 1000, t)).toBe(true);
      expect(await tryAcquireLease(kv, key, 'b', 1000, t + 10)).toBe(false);
      expect(await tryAcquireLease(kv, key, 'a', 1000, t + 500)).toBe(true); // renewed to t + 1500
      expect(await tryAcquireLease(kv, key, 'b', 1000, t + 1200)).toBe(false);
      expect(await readLease(kv, key)).toEqual({ holder: 'a', expiresAt: t + 1500 });
      expect(await tryAcquireLease(kv, key, 'b', 1000, t + 1501)).toBe(true); // a's lease expired
      expect(await releaseLease(kv, key, 'a')).toBe(false);
      expect(await releaseLease(kv, key, 'b')).toBe(true);
      expect(await readLease(kv, key)).toBeUndefined();
    });

    it('leases: of 10 replicas racing for an expired lease exactly one takes it', async () => {
      const other = await another();
      const key = `${p}lease-race`;
      await tryAcquireLease(kv, key, 'old', 10, 0);
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => tryAcquireLease(i % 2 ? other : kv, key, `r${i}`, 60_000, 1000)));
      const winners = results.flatMap((won, i) => (won ? [`r${i}`] : []));
      expect(winners).toHaveLength(1);
      expect((await readLease(other, key))?.holder).toBe(winners[0]);
    });

    it('rejects empty or non-string keys and non-string values alike on every adapter', async () => {
      await expect(kv.put('', 'v')).rejects.toThrow(TypeError);
      await expect(kv.get(42 as unknown as string)).rejects.toThrow(TypeError);
      await expect(kv.put(`${p}n`, { a: 1 } as unknown as string)).rejects.toThrow(TypeError);
      await expect(kv.putAll([[`${p}ok`, 'v'], [`${p}bad`, 7 as unknown as string]])).rejects.toThrow(TypeError);
      // A rejected putAll writes nothing.
      expect(await kv.get(`${p}ok`)).toBeUndefined();
    });

    it('a closed client rejects every call with KvClosedError; the data stays for others', async () => {
      const closing = await another();
      await closing.put(`${p}kept`, 'yes');
      await closing.close();
      await expect(closing.get(`${p}kept`)).rejects.toThrow(KvClosedError);
      await expect(closing.put(`${p}kept`, 'no')).rejects.toThrow(KvClosedError);
      expect(await kv.get(`${p}kept`)).toBe('yes');
    });
  });
}
