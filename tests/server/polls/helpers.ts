import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresPollStore } from '../../../src/server/polls/postgres-store';
import { SqlitePollStore } from '../../../src/server/polls/sqlite-store';
import type { PollStore } from '../../../src/server/polls/store';
import type { QuizBank } from '../../../src/shared/quiz';
import { BANK } from '../../fixtures/poll-bank';
import { databaseUrl, tempDir } from '../tracking/helpers';

export { BANK, databaseUrl };

export const banks = (deck: string): QuizBank | undefined => (deck === BANK.deckId ? BANK : undefined);

export interface TestStore {
  store: PollStore;
  reopen: () => Promise<PollStore>;
  dispose: () => Promise<void>;
}

async function openSqlite(): Promise<TestStore> {
  const dir = tempDir('vs-polls-');
  const file = join(dir.path, 'polls.sqlite');
  const opened: PollStore[] = [new SqlitePollStore(file)];
  return {
    store: opened[0] as PollStore,
    reopen: async () => {
      const store = new SqlitePollStore(file);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.allSettled(opened.map((store) => store.close()));
      dir.remove();
    },
  };
}

/** Every test store gets its own schema, so parallel runs on one database never meet. */
async function openPostgres(): Promise<TestStore> {
  const url = databaseUrl as string;
  const schema = `polls_test_${randomBytes(6).toString('hex')}`;
  const opened: PollStore[] = [await PostgresPollStore.open(url, schema)];
  return {
    store: opened[0] as PollStore,
    reopen: async () => {
      const store = await PostgresPollStore.open(url, schema);
      opened.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.allSettled(opened.map((store) => store.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

export const STORE_KINDS = [
  { name: 'sqlite', skip: false, open: openSqlite },
  { name: 'postgres', skip: !databaseUrl, open: openPostgres },
] as const;
