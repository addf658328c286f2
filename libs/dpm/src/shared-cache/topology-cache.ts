import type { KvStore } from '@alcor/kv';
import type { ListedResource } from '../data-plane';
import { TOPOLOGY_COLLECTIONS } from '../rebuild/topology-loader';

/** What one cache entry `<resource>/<id>` holds. */
interface CachedRecord {
  revision: number;
  data: unknown;
}

/** Set once a replica wrote a complete index: only then may another replica start from the cache. */
export const POPULATED_KEY = '_meta/populated';

/** How often a conditional write is retried when another replica changed the entry meanwhile. */
const MAX_ATTEMPTS = 5;

/**
 * The DPM's index shared by its replicas through a KvStore (Ignite in production): every applied
 * change is written through, `<resource>/<id>` -> {revision, data}; a delete removes the entry.
 * Writes are conditional (compareAndSet / removeIfEquals on the value read), so a replica that
 * is behind never overwrites a newer revision another replica already stored. An equal revision
 * overwrites: security-group rule deltas all carry their group's revision.
 */
export class TopologyCache {
  /** Per key, the last queued write: a key's writes stay in order, different keys overlap. */
  private readonly pending = new Map<string, Promise<unknown>>();

  constructor(private readonly store: KvStore, private readonly onError: (key: string, error: unknown) => void = () => undefined) {}

  /** Write-through of one applied change, after the key's earlier writes (fire and forget). */
  enqueue(key: string, revision: number, deleted: boolean, data: unknown, unprogrammed = false): void {
    const previous = this.pending.get(key) ?? Promise.resolve();
    const next: Promise<unknown> = previous
      .then(() => this.write(key, revision, deleted, data, unprogrammed))
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => {
        if (this.pending.get(key) === next) this.pending.delete(key);
      });
    this.pending.set(key, next);
  }

  /** Resolves once every queued write has finished. */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending.values()]);
  }

  async isPopulated(): Promise<boolean> {
    return (await this.store.get(POPULATED_KEY)) !== undefined;
  }

  /** The cached topology in the listings' dependency order (nodes and networks before ports). */
  async load(): Promise<ListedResource[]> {
    const order = new Map(TOPOLOGY_COLLECTIONS.map((c, i) => [c.resource, i]));
    const listed: ListedResource[] = [];
    for (const [key, value] of await this.store.entries()) {
      const slash = key.indexOf('/');
      const resource = key.slice(0, slash);
      if (!order.has(resource)) continue;
      const record = JSON.parse(value) as CachedRecord;
      listed.push({ resource, id: key.slice(slash + 1), revision: record.revision, data: record.data });
    }
    return listed.sort((a, b) => (order.get(a.resource) ?? 0) - (order.get(b.resource) ?? 0));
  }

  /** After a rebuild from the listings: the whole index, then the populated mark. */
  async fill(listed: ListedResource[]): Promise<void> {
    for (const item of listed) await this.write(`${item.resource}/${item.id}`, item.revision, false, item.data);
    await this.store.put(POPULATED_KEY, JSON.stringify({ at: new Date().toISOString(), resources: listed.length }));
  }

  /**
   * Writes one applied change unless the cache already holds a newer revision; true when it wrote.
   * `unprogrammed` (a change the index did not take, e.g. a port's status): the stored record is
   * kept with the new revision and status, so a replica loading it builds the same goal state.
   */
  async write(key: string, revision: number, deleted: boolean, data: unknown, unprogrammed = false): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.store.get(key);
      if (current === undefined) {
        if (deleted) return false;
        if (await this.store.putIfAbsent(key, JSON.stringify({ revision, data } satisfies CachedRecord))) return true;
        continue;
      }
      const stored = JSON.parse(current) as CachedRecord;
      if (revision < stored.revision) return false;
      const next = JSON.stringify({ revision, data: unprogrammed ? withStatusOf(stored.data, data) : data } satisfies CachedRecord);
      if (deleted ? await this.store.removeIfEquals(key, current) : await this.store.compareAndSet(key, current, next)) return true;
    }
    return false;
  }
}

function withStatusOf(programmed: unknown, latest: unknown): unknown {
  const status = latest && typeof latest === 'object' ? (latest as { status?: unknown }).status : undefined;
  return programmed && typeof programmed === 'object' && status !== undefined ? { ...programmed, status } : programmed;
}
