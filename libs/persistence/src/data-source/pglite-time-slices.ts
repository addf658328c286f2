import type { PGlite } from '@electric-sql/pglite';

/** Longest the event loop is held by back-to-back statements before I/O gets a turn. */
export const DEFAULT_SLICE_MS = 4;

const installed = new WeakSet<PGlite>();

/**
 * PGlite executes each statement synchronously in WebAssembly and resolves it by microtask, so a
 * whole transaction (a batch of 16 port creates: 20-30 ms) runs without one turn of the event
 * loop. Node accepts one new connection per turn, so 16 clients connecting at once were let in
 * one per transaction, and the 16th waited 16 of them (a 400 ms first request). Between
 * statements, once `sliceMs` has passed, this lets the loop turn: sockets are accepted and read,
 * and the requests found join the next batch. Safe inside a transaction: the Database's mutex
 * keeps every other unit of work out of the connection meanwhile.
 */
export function useTimeSlices(db: PGlite, sliceMs = DEFAULT_SLICE_MS): void {
  if (installed.has(db)) return;
  installed.add(db);
  let sliceStart = performance.now();
  const sliced = <F extends (...args: never[]) => Promise<unknown>>(run: F): F =>
    (async (...args: Parameters<F>) => {
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      return run(...args);
    }) as F;
  db.query = sliced(db.query.bind(db));
  db.exec = sliced(db.exec.bind(db));
}
