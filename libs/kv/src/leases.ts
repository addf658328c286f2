import type { KvStore } from './kv-store';

/** What a lease key holds: who has it and until when (ms since the epoch). */
export interface Lease {
  holder: string;
  expiresAt: number;
}

/**
 * Takes or renews the lease `key` for `holder` until now + ttlMs, if it is free, expired or
 * already ours. Built on putIfAbsent and compareAndSet only, so of several replicas racing for
 * one lease exactly one wins. Expiry is judged by the callers' clocks: keep them in step and
 * the TTL well above the clock skew. Ignite's thin client 1.0.0 cannot set a per-entry TTL.
 */
export async function tryAcquireLease(store: KvStore, key: string, holder: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const next = JSON.stringify({ holder, expiresAt: now + ttlMs } satisfies Lease);
  if (await store.putIfAbsent(key, next)) return true;
  const current = await store.get(key);
  // Released between our two calls: try the free path once more.
  if (current === undefined) return store.putIfAbsent(key, next);
  const lease = parseLease(current);
  if (lease && lease.holder !== holder && lease.expiresAt > now) return false;
  return store.compareAndSet(key, current, next);
}

/** Gives the lease up if `holder` still has it; true when it did. */
export async function releaseLease(store: KvStore, key: string, holder: string): Promise<boolean> {
  const current = await store.get(key);
  if (current === undefined || parseLease(current)?.holder !== holder) return false;
  return store.removeIfEquals(key, current);
}

/** The lease stored at `key`, if any (expired or not). */
export async function readLease(store: KvStore, key: string): Promise<Lease | undefined> {
  const current = await store.get(key);
  return current === undefined ? undefined : parseLease(current);
}

/** An unreadable value counts as no lease, so a corrupt key cannot block everyone forever. */
function parseLease(text: string): Lease | undefined {
  try {
    const value = JSON.parse(text) as Partial<Lease>;
    return typeof value.holder === 'string' && typeof value.expiresAt === 'number' ? { holder: value.holder, expiresAt: value.expiresAt } : undefined;
  } catch {
    return undefined;
  }
}
