/**
 * A shared key-value cache port: string keys, string values (callers encode JSON themselves).
 * Not a store of record: PostgreSQL keeps the truth, a KvStore holds what replicas share for
 * speed or coordination (a topology cache, leases). One KvStore is one named cache.
 */
export interface KvStore {
  /** The cache this store reads and writes. */
  readonly name: string;
  get(key: string): Promise<string | undefined>;
  /** The keys that exist, with their values; absent keys are left out. */
  getAll(keys: readonly string[]): Promise<Map<string, string>>;
  put(key: string, value: string): Promise<void>;
  putAll(entries: Iterable<readonly [string, string]>): Promise<void>;
  /** True when the key existed. */
  remove(key: string): Promise<boolean>;
  /** Stores the value only if the key is absent; true when it did (atomic). */
  putIfAbsent(key: string, value: string): Promise<boolean>;
  /** Replaces the value only if it currently equals `expected`; true when it did (atomic). */
  compareAndSet(key: string, expected: string, value: string): Promise<boolean>;
  /** Removes the key only if its value equals `expected`; true when it did (atomic). */
  removeIfEquals(key: string, expected: string): Promise<boolean>;
  /**
   * Every entry whose key starts with `prefix` (all entries for ''), sorted by key. A full scan
   * of the cache on every adapter: for small caches, not for hot paths.
   */
  entries(prefix?: string): Promise<[string, string][]>;
  /** Releases the connection; later calls reject with KvClosedError. The data stays. */
  close(): Promise<void>;
}

export class KvError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The store was closed by its owner. */
export class KvClosedError extends KvError {}

/**
 * The server could not be reached or the connection dropped mid-call. For a conditional write
 * (putIfAbsent, compareAndSet, removeIfEquals, remove) the outcome is then unknown: read back.
 */
export class KvUnavailableError extends KvError {}

/** Rejects what no adapter can store the same way, so every adapter fails alike. */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) throw new TypeError('a KvStore key must be a non-empty string');
}

export function checkValue(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError('a KvStore value must be a string (encode objects as JSON)');
}
