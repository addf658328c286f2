import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { getPGliteInstance } from 'typeorm-pglite';
import { bufferOutbox, CommittedOutboxRow, flushOutbox } from '../outbox/outbox-buffer';
import { dataSourceOptions, isEmbedded, PersistenceSchema, StoreLocation } from './data-source-options';
import { usePreparedStatements } from './pglite-statements';

/** PostgreSQL errors worth retrying a whole unit of work for: serialization failure and deadlock. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
/** Event-loop turns `whenFree` lets pass on the embedded store (one accepted connection each). */
const ACCEPT_TURNS = 16;

export interface TransactionOptions {
  /** false: commits stay silent (the relay's own transactions). */
  announce?: boolean;
  /**
   * The owner of this unit of work vouches that nothing in it reads back the rows it hands to
   * `insertAtCommit`, so they may wait for the commit statement. Ignored when the call joins an
   * outer transaction: the outer owner decides.
   */
  deferInserts?: boolean;
}

/**
 * The store of record. Every write goes through `transaction`, every read through `read`.
 *
 * PGlite is one in-process connection: transactions on it are not isolated (a rollback in one
 * request would undo another's writes), so on the embedded store every unit of work, reads
 * included, runs one at a time. On a PostgreSQL server units of work run concurrently on the pool.
 */
export class Database {
  readonly embedded: boolean;
  private readonly serial = new Mutex();
  private readonly events = new EventEmitter();
  /** The transaction of the current async context, so nested units of work join it. */
  private readonly ambient = new AsyncLocalStorage<EntityManager>();

  private constructor(readonly dataSource: DataSource, location: StoreLocation) {
    this.embedded = isEmbedded(location);
  }

  static async open(location: StoreLocation, schemas: PersistenceSchema[]): Promise<Database> {
    const dataSource = new DataSource(dataSourceOptions(location, schemas));
    await dataSource.initialize();
    const database = new Database(dataSource, location);
    await database.migrate();
    // After the migrations, so no statement is prepared against a table they still change.
    if (database.embedded) usePreparedStatements(await getPGliteInstance());
    return database;
  }

  /** Applies committed migrations; concurrent service starts on one server take turns. */
  async migrate(): Promise<void> {
    await this.exclusive(async () => {
      if (this.embedded) {
        await this.dataSource.runMigrations({ transaction: 'each' });
        return;
      }
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.query('SELECT pg_advisory_lock(7411001)');
        await this.dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await runner.query('SELECT pg_advisory_unlock(7411001)').catch(() => undefined);
        await runner.release();
      }
    });
  }

  /**
   * Runs `work` in one transaction; retried whole on serialization failure or deadlock.
   * Called inside another unit of work (e.g. an in-process allocator called by the port use case)
   * it joins that transaction, so both commit or roll back together.
   */
  async transaction<T>(work: (tx: EntityManager) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const current = this.ambient.getStore();
    if (current) return work(current);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.exclusive(async () => {
          let outbox: CommittedOutboxRow[] = [];
          const result = await this.dataSource.transaction((tx) =>
            this.ambient.run(tx, async () => {
              bufferOutbox(tx, options.deferInserts === true);
              const result = await work(tx);
              outbox = await flushOutbox(tx);
              return result;
            }),
          );
          // Still holding the embedded store: no read sees these rows before the relay holds them.
          // The relay's own transactions stay silent, or an idle relay would wake itself forever.
          if (options.announce !== false) this.events.emit('committed', outbox);
          return result;
        });
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await delay(attempt * 5 + Math.random() * 10);
      }
    }
  }

  /** Runs queries outside a transaction (or inside the current one, when there is one). */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const current = this.ambient.getStore();
    if (current) return work(current);
    return this.exclusive(() => work(this.dataSource.manager));
  }

  /**
   * Runs a single write statement outside a transaction (or inside the current one): one
   * statement is atomic by itself, and this saves the BEGIN and COMMIT round trips. Not for
   * several statements that must commit together: those go through `transaction`.
   */
  autocommit<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.read(work);
  }

  /**
   * Resolves when no unit of work holds the embedded store's one connection (at once on a
   * server), after a few turns of the event loop. A PGlite transaction holds the loop, and Node
   * (libuv >= 1.45) accepts one pending connection per turn: without the turns, a burst of 16 new
   * connections reached the batches one by one, the last after 16 transactions (180 ms).
   */
  async whenFree(): Promise<void> {
    if (!this.embedded) return;
    await this.serial.waitForUnlock();
    for (let turn = 0; turn < ACCEPT_TURNS; turn++) await new Promise((resolve) => setImmediate(resolve));
    await this.serial.waitForUnlock();
  }

  /** True inside a unit of work (in-process callers can then join it). */
  inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  /**
   * Called after every committed transaction with the outbox rows it wrote (the outbox relay
   * wakes on it). On the embedded store it runs before any other unit of work can start.
   */
  onCommitted(listener: (outbox: readonly CommittedOutboxRow[]) => void): () => void {
    this.events.on('committed', listener);
    return () => this.events.off('committed', listener);
  }

  async ping(): Promise<boolean> {
    try {
      await this.read((em) => em.query('SELECT 1'));
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.exclusive(() => this.dataSource.destroy());
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.embedded ? this.serial.runExclusive(work) : work();
  }
}

function isRetryable(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
