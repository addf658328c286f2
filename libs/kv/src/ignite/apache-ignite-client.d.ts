// The parts of apache-ignite-client 1.0.0 (plain JavaScript, no typings) that IgniteKvStore uses.
declare module 'apache-ignite-client' {
  namespace IgniteClient {
    class IgniteClientConfiguration {
      constructor(...endpoints: string[]);
      setConnectionOptions(useTLS: boolean, connectionOptions?: object | null, useBinaryCompatibility?: boolean): this;
    }
    class CacheConfiguration {
      static readonly CACHE_MODE: { LOCAL: number; REPLICATED: number; PARTITIONED: number };
      static readonly WRITE_SYNCHRONIZATION_MODE: { FULL_SYNC: number; FULL_ASYNC: number; PRIMARY_SYNC: number };
      setCacheMode(mode: number): this;
      setWriteSynchronizationMode(mode: number): this;
      setBackups(backups: number): this;
    }
    class CacheEntry {
      constructor(key: unknown, value: unknown);
      getKey(): unknown;
      getValue(): unknown;
    }
    class Cursor {
      getAll(): Promise<CacheEntry[]>;
    }
    class ScanQuery {
      setPageSize(size: number): this;
    }
    class CacheClient {
      setKeyType(type: number): this;
      setValueType(type: number): this;
      get(key: string): Promise<unknown>;
      getAll(keys: string[]): Promise<CacheEntry[]>;
      put(key: string, value: string): Promise<void>;
      putAll(entries: CacheEntry[]): Promise<void>;
      putIfAbsent(key: string, value: string): Promise<boolean>;
      replaceIfEquals(key: string, value: string, newValue: string): Promise<boolean>;
      removeKey(key: string): Promise<boolean>;
      removeIfEquals(key: string, value: string): Promise<boolean>;
      query(query: ScanQuery): Promise<Cursor>;
    }
    const ObjectType: { PRIMITIVE_TYPE: { STRING: number } };
    namespace Errors {
      class IgniteClientError extends Error {}
      class OperationError extends IgniteClientError {}
      class IllegalStateError extends IgniteClientError {}
      class LostConnectionError extends IgniteClientError {}
    }
  }
  class IgniteClient {
    static readonly STATE: { DISCONNECTED: 0; CONNECTING: 1; CONNECTED: 2 };
    constructor(onStateChanged?: (state: number, reason?: string | null) => void);
    connect(config: IgniteClient.IgniteClientConfiguration): Promise<void>;
    disconnect(): void;
    getOrCreateCache(name: string, config?: IgniteClient.CacheConfiguration): Promise<IgniteClient.CacheClient>;
    destroyCache(name: string): Promise<void>;
  }
  export = IgniteClient;
}
