import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';

/** What a feature library contributes to the store: its entities and its committed migrations. */
export interface PersistenceSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export interface StoreLocation {
  /** postgres://... for a PostgreSQL server; absent for embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps the database in memory (tests). */
  dataDir: string;
  poolSize: number;
}

export const IN_MEMORY = 'memory://';

export function isEmbedded(location: StoreLocation): boolean {
  return !location.databaseUrl;
}

export function dataSourceOptions(location: StoreLocation, schemas: PersistenceSchema[]): DataSourceOptions {
  const common = {
    entities: schemas.flatMap((s) => Object.values(s.entities)) as DataSourceOptions['entities'],
    migrations: schemas.flatMap((s) => Object.values(s.migrations)) as DataSourceOptions['migrations'],
    migrationsRun: false,
    synchronize: false,
    // gen_random_uuid() is core PostgreSQL >= 13; PGlite has no pgcrypto to install.
    uuidExtension: 'pgcrypto' as const,
    installExtensions: false,
    logging: false,
  };
  if (location.databaseUrl) {
    return { type: 'postgres', url: location.databaseUrl, poolSize: location.poolSize, ...common };
  }
  return { type: 'postgres', driver: new PGliteDriver(pgliteOptions(location.dataDir)).driver, ...common };
}

function pgliteOptions(dataDir: string): { dataDir?: string } {
  if (dataDir === IN_MEMORY) return {};
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return { dataDir: dir };
}
