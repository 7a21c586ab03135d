import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import type { PollStore } from './store';

export const SQLITE_FILE = 'polls.sqlite';

/** PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export async function openPollStore(config: Config): Promise<PollStore> {
  if (config.databaseUrl) {
    const { PostgresPollStore } = await import('./postgres-store');
    return PostgresPollStore.open(config.databaseUrl);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const { SqlitePollStore } = await import('./sqlite-store');
  return new SqlitePollStore(join(config.dataDir, SQLITE_FILE));
}
