import { checkKey, checkValue, KvClosedError, type KvStore } from '../kv-store';

export interface InMemoryKvStoreOptions {
  name?: string;
  /** Share one map between stores to act as one cache seen by several clients (tests). */
  data?: Map<string, string>;
}

/**
 * KvStore in this process's memory (KV=memory, the default). Every operation completes in one
 * synchronous step, so the conditional writes are atomic here as they are on Ignite.
 */
export class InMemoryKvStore implements KvStore {
  readonly name: string;
  private readonly data: Map<string, string>;
  private closed = false;

  constructor(options: InMemoryKvStoreOptions = {}) {
    this.name = options.name ?? 'default';
    this.data = options.data ?? new Map();
  }

  async get(key: string): Promise<string | undefined> {
    this.assertOpen();
    checkKey(key);
    return this.data.get(key);
  }

  async getAll(keys: readonly string[]): Promise<Map<string, string>> {
    this.assertOpen();
    keys.forEach(checkKey);
    const found = new Map<string, string>();
    for (const key of keys) {
      const value = this.data.get(key);
      if (value !== undefined) found.set(key, value);
    }
    return found;
  }

  async put(key: string, value: string): Promise<void> {
    this.assertOpen();
    checkKey(key);
    checkValue(value);
    this.data.set(key, value);
  }

  async putAll(entries: Iterable<readonly [string, string]>): Promise<void> {
    this.assertOpen();
    const list = [...entries];
    for (const [key, value] of list) {
      checkKey(key);
      checkValue(value);
    }
    for (const [key, value] of list) this.data.set(key, value);
  }

  async remove(key: string): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    return this.data.delete(key);
  }

  async putIfAbsent(key: string, value: string): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    checkValue(value);
    if (this.data.has(key)) return false;
    this.data.set(key, value);
    return true;
  }

  async compareAndSet(key: string, expected: string, value: string): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    checkValue(expected);
    checkValue(value);
    if (this.data.get(key) !== expected) return false;
    this.data.set(key, value);
    return true;
  }

  async removeIfEquals(key: string, expected: string): Promise<boolean> {
    this.assertOpen();
    checkKey(key);
    checkValue(expected);
    if (this.data.get(key) !== expected) return false;
    return this.data.delete(key);
  }

  async entries(prefix = ''): Promise<[string, string][]> {
    this.assertOpen();
    return [...this.data].filter(([key]) => key.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new KvClosedError(`kv store '${this.name}' is closed`);
  }
}
