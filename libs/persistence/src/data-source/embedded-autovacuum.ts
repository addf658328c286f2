import type { Database } from './database';

export interface EmbeddedAutovacuumOptions {
  /** The outbox is vacuumed after this many committed units of work (each left dead rows there). */
  outboxEveryCommits: number;
  /** One other table is vacuumed and analyzed per tick, in turn, so a pause is one table's cost. */
  tableIntervalMs: number;
  onError?: (error: unknown) => void;
}

export const DEFAULT_AUTOVACUUM: EmbeddedAutovacuumOptions = { outboxEveryCommits: 1000, tableIntervalMs: 10_000 };

/**
 * PGlite runs PostgreSQL in single-user mode, which has no autovacuum and no statistics: left
 * alone, every deleted or updated row stays in its table and indexes for good. The outbox, where
 * every write inserts rows the relay deletes moments later, grew to 32 MB after 10k port changes
 * with nothing in it, and scans of it walked the dead entries. So the embedded store does the
 * work itself: the outbox often (it is nearly empty, so that is cheap), and each other table in
 * turn with ANALYZE, so the planner also learns the tables' sizes.
 */
export class EmbeddedAutovacuum {
  private commits = 0;
  private running?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private turn: string[] = [];

  constructor(
    private readonly database: Pick<Database, 'autocommit' | 'onCommitted' | 'read'>,
    private readonly options: EmbeddedAutovacuumOptions = DEFAULT_AUTOVACUUM,
  ) {}

  start(): void {
    this.unsubscribe = this.database.onCommitted(() => {
      if (++this.commits < this.options.outboxEveryCommits) return;
      this.commits = 0;
      this.run(() => this.vacuum('outbox', false));
    });
    this.timer = setInterval(() => this.run(() => this.vacuumNextTable()), this.options.tableIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Vacuums the outbox now (and waits for a run in progress first). */
  async vacuumOutbox(): Promise<void> {
    await this.running;
    await this.vacuum('outbox', false);
  }

  /** One run at a time; a run asked for meanwhile is dropped (the next trigger comes soon). */
  private run(work: () => Promise<void>): void {
    if (this.running) return;
    this.running = work()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => (this.running = undefined));
  }

  private async vacuumNextTable(): Promise<void> {
    if (this.turn.length === 0) {
      const tables: { tablename: string }[] = await this.database.read((em) => em.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'outbox' ORDER BY tablename"));
      this.turn = tables.map((t) => t.tablename);
    }
    const table = this.turn.shift();
    if (table) await this.vacuum(table, true);
  }

  private async vacuum(table: string, analyze: boolean): Promise<void> {
    // VACUUM cannot run in a transaction block: one autocommit statement on the serialized connection.
    const name = `"${table.replace(/"/g, '""')}"`;
    await this.database.autocommit((em) => em.query(`VACUUM ${analyze ? '(ANALYZE) ' : ''}${name}`));
  }
}
