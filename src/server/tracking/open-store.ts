import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import type { VisitStore } from './store';

export const SQLITE_FILE = 'visits.sqlite';

/** PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export async function openVisitStore(config: Config): Promise<VisitStore> {
  if (config.databaseUrl) {
    const { PostgresVisitStore } = await import('./postgres-store');
    return PostgresVisitStore.open(config.databaseUrl, config.databaseSchema);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { SqliteVisitStore } = await import('./sqlite-store');
  return new SqliteVisitStore(join(config.dataDir, SQLITE_FILE));
}
