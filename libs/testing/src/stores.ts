import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type StoreKind = 'pglite' | 'postgres';

export interface TestStore {
  kind: StoreKind;
  /** DATABASE_URL for the service under test; undefined means embedded PGlite. */
  databaseUrl?: string;
  /** Drops the throwaway database (PostgreSQL). */
  dispose(): Promise<void>;
}

/**
 * The PostgreSQL server tests may use: TEST_DATABASE_URL names a server database with rights to
 * CREATE DATABASE (deploy/local/pg.sh prints it). Each suite gets its own throwaway database.
 */
export const serverUrl = (): string | undefined => process.env.TEST_DATABASE_URL;

export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') return { kind, dispose: async () => undefined };
  const admin = serverUrl();
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    kind,
    databaseUrl: url.toString(),
    dispose: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The stores a suite runs on: always PGlite; PostgreSQL when TEST_DATABASE_URL is set. In CI a
 * missing server is a failure (the suite is still declared and fails), never a silent skip.
 */
export function storeKinds(): StoreKind[] {
  if (serverUrl() || process.env.CI === 'true') return ['pglite', 'postgres'];
  console.warn('SKIPPED postgres variants: TEST_DATABASE_URL is not set (run deploy/local/pg.sh up)');
  return ['pglite'];
}
