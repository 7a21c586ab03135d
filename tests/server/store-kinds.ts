import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) console.log('DATABASE_URL ist nicht gesetzt: die PostgreSQL-Tests werden übersprungen.');

export function tempDir(prefix = 'vs-tracking-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestStore<S> {
  store: S;
  /** Opens a second store on the same data, as a restarted server would. */
  reopen: () => Promise<S>;
  /** Closes the stores (if still open) and removes their data. */
  dispose: () => Promise<void>;
}

export interface StoreKind<S> {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  open: () => Promise<TestStore<S>>;
}

interface Openers<S> {
  sqlite: (file: string) => S;
  postgres: (url: string, schema: string) => Promise<S>;
}

/**
 * A store of each kind on its own data: SQLite in a temporary folder, PostgreSQL (when
 * DATABASE_URL is set) in its own schema, so parallel runs on one database never meet.
 */
export function storeKinds<S extends { close(): Promise<void> }>(name: string, open: Openers<S>): StoreKind<S>[] {
  const kept = async (first: () => Promise<S>, again: () => Promise<S>, remove: () => Promise<void>) => {
    const opened = [await first()];
    return {
      store: opened[0]!,
      reopen: async () => {
        const store = await again();
        opened.push(store);
        return store;
      },
      dispose: async () => {
        await Promise.allSettled(opened.map((store) => store.close()));
        await remove();
      },
    };
  };
  const sqlite = async (): Promise<TestStore<S>> => {
    const dir = tempDir(`vs-${name}-`);
    const file = join(dir.path, `${name}.sqlite`);
    const openFile = async () => open.sqlite(file);
    return kept(openFile, openFile, async () => dir.remove());
  };
  const postgres = async (): Promise<TestStore<S>> => {
    const url = databaseUrl as string;
    const schema = `${name}_test_${randomBytes(6).toString('hex')}`;
    const openSchema = () => open.postgres(url, schema);
    return kept(openSchema, openSchema, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    });
  };
  return [
    { name: 'sqlite', skip: false, open: sqlite },
    { name: 'postgres', skip: !databaseUrl, open: postgres },
  ];
}
