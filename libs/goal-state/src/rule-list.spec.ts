import { RuleList } from './rule-list';

/** A small deterministic PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const sortedById = (items: { id: string; v: number }[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('RuleList', () => {
  it('matches a plain sorted array through thousands of random inserts, replaces and deletes', () => {
    for (const seed of [1, 2, 3]) {
      const next = random(seed);
      const reference = new Map<string, { id: string; v: number }>();
      let list = RuleList.from<{ id: string; v: number }>([]);
      for (let step = 0; step < 4000; step++) {
        const id = `r${Math.floor(next() * 600)}`;
        if (next() < 0.65) {
          const item = { id, v: step };
          reference.set(id, item);
          list = list.insert(item);
        } else {
          reference.delete(id);
          list = list.delete(id);
        }
        if (step % 97 === 0) expect(list.toArray()).toEqual(sortedById([...reference.values()]));
      }
      expect(list.toArray()).toEqual(sortedById([...reference.values()]));
      expect(list.size).toBe(reference.size);
      for (const [id, item] of reference) expect(list.get(id)).toBe(item);
      expect(list.get('absent')).toBeUndefined();
    }
  });

  it('leaves older versions as they were', () => {
    const base = RuleList.from(Array.from({ length: 300 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}` })));
    const before = base.toArray();
    const changed = base.insert({ id: 'r150x' }).delete('r000').delete('r299');
    expect(base.toArray()).toEqual(before);
    expect(changed.size).toBe(299);
    expect(changed.toArray().map((r) => r.id)).toEqual([...before.map((r) => r.id).slice(1, 299), 'r150x'].sort());
    expect(base.delete('absent')).toBe(base);
  });
});
