import { performance } from 'node:perf_hooks';

/**
 * What one operation reports: its HTTP status, or the status plus how many items it carried
 * (a bulk POST creates several resources in one request).
 */
export type OpResult = number | { status: number; items: number };

export interface LoadResult {
  requests: number;
  /** Items attempted (= requests, except for bulk operations). */
  items: number;
  /** Items of the requests that succeeded (2xx). */
  okItems: number;
  /** Failures by HTTP status ("404") or by error code ("ECONNREFUSED", "timeout"). */
  errors: Record<string, number>;
  /** Durations of the successful requests, in completion order. */
  durationsMs: number[];
  seconds: number;
}

/**
 * Runs op(0) … op(count - 1) with at most `concurrency` in flight (each worker takes the next
 * index as soon as its previous operation settles). A thrown error or a non-2xx status is counted,
 * never fatal: every index runs exactly once.
 */
export async function runLoad(count: number, concurrency: number, op: (index: number) => Promise<OpResult>): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, items: 0, okItems: 0, errors: {}, durationsMs: [], seconds: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const started = performance.now();
      let status: number | string;
      let items = 1;
      try {
        const outcome = await op(i);
        status = typeof outcome === 'number' ? outcome : outcome.status;
        if (typeof outcome !== 'number') items = outcome.items;
      } catch (error) {
        status = errorCode(error);
      }
      const ms = performance.now() - started;
      result.requests += 1;
      result.items += items;
      if (typeof status === 'number' && status >= 200 && status < 300) {
        result.okItems += items;
        result.durationsMs.push(ms);
      } else {
        result.errors[String(status)] = (result.errors[String(status)] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(0, Math.min(concurrency, count)) }, worker));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : 'error';
}
