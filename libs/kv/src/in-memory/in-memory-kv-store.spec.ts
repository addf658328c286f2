import { describeKvStoreContract } from '../testing/kv-store.contract';
import { InMemoryKvStore } from './in-memory-kv-store';

// One map per cache name stands for the one cache that several clients share.
const caches = new Map<string, Map<string, string>>();
describeKvStoreContract('in-memory', async (name) => {
  if (!caches.has(name)) caches.set(name, new Map());
  return new InMemoryKvStore({ name, data: caches.get(name) });
});

describe('InMemoryKvStore', () => {
  it('keeps separate caches apart unless they share a map', async () => {
    const a = new InMemoryKvStore({ name: 'a' });
    const b = new InMemoryKvStore({ name: 'b' });
    await a.put('k', '1');
    expect(await b.get('k')).toBeUndefined();
  });
});
