import { IgniteKvStore } from './ignite/ignite-kv-store';
import { InMemoryKvStore } from './in-memory/in-memory-kv-store';
import { KvError, type KvStore } from './kv-store';

/** The environment variables that choose the adapter (validated in @alcor/config). */
export interface KvEnvironment {
  /** memory (default): this process only; ignite: a shared Ignite cache at IGNITE_ENDPOINT. */
  KV?: 'memory' | 'ignite';
  /** host:port of Ignite thin-client connectors, comma-separated; deploy/local/ignite.sh prints it. */
  IGNITE_ENDPOINT?: string;
}

/** Opens the named cache on the configured adapter. */
export async function createKvStore(environment: KvEnvironment, cache: string, onError?: (error: unknown) => void): Promise<KvStore> {
  if ((environment.KV ?? 'memory') === 'memory') return new InMemoryKvStore({ name: cache });
  if (!environment.IGNITE_ENDPOINT) throw new KvError('KV=ignite needs IGNITE_ENDPOINT (deploy/local/ignite.sh up prints it)');
  return IgniteKvStore.connect({ endpoints: environment.IGNITE_ENDPOINT, cache, onError });
}
