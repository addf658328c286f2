export { checkKey, checkValue, KvClosedError, KvError, KvUnavailableError, type KvStore } from './kv-store';
export { InMemoryKvStore, type InMemoryKvStoreOptions } from './in-memory/in-memory-kv-store';
export { IgniteKvStore, type IgniteKvStoreOptions } from './ignite/ignite-kv-store';
export { readLease, releaseLease, tryAcquireLease, type Lease } from './leases';
export { createKvStore, type KvEnvironment } from './create-kv-store';
