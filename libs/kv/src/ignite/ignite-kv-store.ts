import IgniteClient from 'apache-ignite-client';
import { checkKey, checkValue, KvClosedError, KvError, KvUnavailableError, type KvStore } from '../kv-store';

const { CacheConfiguration, CacheEntry, IgniteClientConfiguration, ObjectType, ScanQuery, Errors } = IgniteClient;
const STRING = ObjectType.PRIMITIVE_TYPE.STRING;

export interface IgniteKvStoreOptions {
  /** host:port of one or more nodes' thin-client connectors (IGNITE_ENDPOINT, comma-separated). */
  endpoints: string | string[];
  /** The Ignite cache: created on first use (partitioned, atomic, writes acknowledged by all copies). */
  cache: string;
  /** Longest wait for a connection before a call rejects with KvUnavailableError. Default 5 s. */
  connectTimeoutMs?: number;
  /** Scan page size for entries(). Default 1024. */
  scanPageSize?: number;
  /** Connection trouble the store recovers from; the store itself does not log. */
  onError?: (error: unknown) => void;
}

/**
 * KvStore on an Apache Ignite 2.x cache through the thin-client protocol (npm
 * `apache-ignite-client` 1.0.0: key-value and scan only, no transactions). Conditional writes map
 * to Ignite's atomic putIfAbsent / replace(k, old, new) / remove(k, old). After a dropped
 * connection the next call reconnects; only reads and blind writes are retried, because a
 * conditional write whose answer was lost may have been applied.
 */
export class IgniteKvStore implements KvStore {
  readonly name: string;
  private readonly client: IgniteClient;
  private readonly endpoints: string[];
  private cache?: IgniteClient.CacheClient;
  private connecting?: Promise<IgniteClient.CacheClient>;
  private state: number = IgniteClient.STATE.DISCONNECTED;
  private closed = false;

  private constructor(private readonly options: IgniteKvStoreOptions) {
    this.name = options.cache;
    this.endpoints = (Array.isArray(options.endpoints) ? options.endpoints : options.endpoints.split(','))
      .map((e) => e.trim())
      .filter(Boolean);
    if (this.endpoints.length === 0) throw new KvError('IgniteKvStore needs at least one endpoint (host:port)');
    this.client = new IgniteClient((state, reason) => {
      this.state = state;
      // The client gives up reconnecting after one failed round over the endpoints: forget the cache handle.
      if (state === IgniteClient.STATE.DISCONNECTED) this.cache = undefined;
      if (reason && !this.closed) this.options.onError?.(new KvUnavailableError(`ignite: ${reason}`));
    });
  }

  /** Connects and opens (or creates) the cache; rejects with KvUnavailableError if no node answers. */
  static async connect(options: IgniteKvStoreOptions): Promise<IgniteKvStore> {
    const store = new IgniteKvStore(options);
    await store.ready();
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    checkKey(key);
    return this.call(true, async (cache) => asString(await cache.get(key)));
  }

  async getAll(keys: readonly string[]): Promise<Map<string, string>> {
    keys.forEach(checkKey);
    if (keys.length === 0) return this.call(true, async () => new Map<string, string>());
    return this.call(true, async (cache) => {
      const found = new Map<string, string>();
      for (const entry of await cache.getAll([...new Set(keys)])) {
        const value = asString(entry.getValue());
        if (value !== undefined) found.set(String(entry.getKey()), value);
      }
      return found;
    });
  }

  async put(key: string, value: string): Promise<void> {
    checkKey(key);
    checkValue(value);
    return this.call(true, (cache) => cache.put(key, value));
  }

  async putAll(entries: Iterable<readonly [string, string]>): Promise<void> {
    const list = [...entries];
    for (const [key, value] of list) {
      checkKey(key);
      checkValue(value);
    }
    if (list.length === 0) return this.call(true, async () => undefined);
    // Later duplicates win, as with successive puts (Ignite would take either).
    const last = new Map(list);
    return this.call(true, (cache) => cache.putAll([...last].map(([k, v]) => new CacheEntry(k, v))));
  }

  async remove(key: string): Promise<boolean> {
    checkKey(key);
    return this.call(false, (cache) => cache.removeKey(key));
  }

  async putIfAbsent(key: string, value: string): Promise<boolean> {
    checkKey(key);
    checkValue(value);
    return this.call(false, (cache) => cache.putIfAbsent(key, value));
  }

  async compareAndSet(key: string, expected: string, value: string): Promise<boolean> {
    checkKey(key);
    checkValue(expected);
    checkValue(value);
    return this.call(false, (cache) => cache.replaceIfEquals(key, expected, value));
  }

  async removeIfEquals(key: string, expected: string): Promise<boolean> {
    checkKey(key);
    checkValue(expected);
    return this.call(false, (cache) => cache.removeIfEquals(key, expected));
  }

  async entries(prefix = ''): Promise<[string, string][]> {
    return this.call(true, async (cache) => {
      // The thin client cannot ship a filter to the server: scan everything, filter here.
      const cursor = await cache.query(new ScanQuery().setPageSize(this.options.scanPageSize ?? 1024));
      const found: [string, string][] = [];
      for (const entry of await cursor.getAll()) {
        const key = String(entry.getKey());
        const value = asString(entry.getValue());
        if (key.startsWith(prefix) && value !== undefined) found.push([key, value]);
      }
      return found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.connecting?.catch(() => undefined);
    this.client.disconnect();
  }

  /** Drops the whole cache on the server (tests and teardown; not part of the port). */
  async destroy(): Promise<void> {
    await this.call(false, async () => this.client.destroyCache(this.name));
    this.cache = undefined;
  }

  private async call<T>(retryable: boolean, work: (cache: IgniteClient.CacheClient) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const cache = await this.ready();
      try {
        return await work(cache);
      } catch (error) {
        if (!isConnectionError(error)) throw error instanceof Errors.OperationError ? new KvError(`ignite: ${error.message}`, { cause: error }) : error;
        this.cache = undefined;
        if (!retryable || attempt >= 1 || this.closed) {
          throw new KvUnavailableError(`ignite connection lost during the call${retryable ? '' : ' (a conditional write may or may not have been applied)'}: ${String(error)}`, { cause: error });
        }
        this.options.onError?.(error);
      }
    }
  }

  /** The open cache handle, (re)connecting first when needed. */
  private ready(): Promise<IgniteClient.CacheClient> {
    if (this.closed) return Promise.reject(new KvClosedError(`kv store '${this.name}' is closed`));
    if (this.cache && this.state === IgniteClient.STATE.CONNECTED) return Promise.resolve(this.cache);
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<IgniteClient.CacheClient> {
    const timeoutMs = this.options.connectTimeoutMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (!this.closed && Date.now() < deadline) {
      try {
        // The client reconnects once by itself after a drop; wait for that round to end.
        if (this.state === IgniteClient.STATE.CONNECTING) {
          await sleep(50);
          continue;
        }
        if (this.state === IgniteClient.STATE.DISCONNECTED) await this.client.connect(new IgniteClientConfiguration(...this.endpoints));
        const config = new CacheConfiguration().setWriteSynchronizationMode(CacheConfiguration.WRITE_SYNCHRONIZATION_MODE.FULL_SYNC);
        const cache = (await this.client.getOrCreateCache(this.name, config)).setKeyType(STRING).setValueType(STRING);
        if (this.closed) break;
        this.cache = cache;
        return cache;
      } catch (error) {
        if (!isConnectionError(error) && !(error instanceof Errors.IgniteClientError)) throw error;
        lastError = error;
        await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
      }
    }
    if (this.closed) throw new KvClosedError(`kv store '${this.name}' is closed`);
    throw new KvUnavailableError(`no Ignite node answered at ${this.endpoints.join(',')} within ${timeoutMs} ms: ${String(lastError)}`, { cause: lastError });
  }
}

function isConnectionError(error: unknown): boolean {
  return error instanceof Errors.LostConnectionError || error instanceof Errors.IllegalStateError;
}

function asString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
