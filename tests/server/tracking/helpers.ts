import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { trackingPlugin, type TrackingOptions } from '../../../src/server/tracking/plugin';
import { PostgresVisitStore } from '../../../src/server/tracking/postgres-store';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import type { VisitStore } from '../../../src/server/tracking/store';

export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) console.log('DATABASE_URL ist nicht gesetzt: die PostgreSQL-Tests werden übersprungen.');

export function tempDir(prefix = 'vs-tracking-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface TestStore {
  store: VisitStore;
  /** Opens a second store on the same data, as a restarted server would. */
  reopen: () => Promise<VisitStore>;
  /** Closes the store (if still open) and removes its data. */
  dispose: () => Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  open: () => Promise<TestStore>;
}

async function openSqlite(): Promise<TestStore> {
  const dir = tempDir();
  const file = join(dir.path, 'visits.sqlite');
  const opened: VisitStore[] = [new SqliteVisitStore(file)];
  return {
    store: opened[0] as VisitStore,
    reopen: async () => {
      const store = new SqliteVisitStore(file);
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
  const schema = `visits_test_${randomBytes(6).toString('hex')}`;
  const opened: VisitStore[] = [await PostgresVisitStore.open(url, schema)];
  return {
    store: opened[0] as VisitStore,
    reopen: async () => {
      const store = await PostgresVisitStore.open(url, schema);
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

export const STORE_KINDS: StoreKind[] = [
  { name: 'sqlite', skip: false, open: openSqlite },
  { name: 'postgres', skip: !databaseUrl, open: openPostgres },
];

/** The tracking plugin alone on a quiet app, with options a test may override. */
export async function trackingApp(
  store: VisitStore,
  options: Partial<TrackingOptions> = {},
  trustProxy: boolean | string = false,
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, trustProxy });
  await app.register(trackingPlugin, {
    store,
    ipMode: 'masked',
    adminToken: 'test-admin',
    corsOrigins: [],
    rateLimit: 10_000,
    ...options,
  });
  return app;
}

export function visitRequest(body: unknown, headers: Record<string, string> = {}) {
  return {
    method: 'POST' as const,
    url: '/api/visits',
    headers: { 'user-agent': BROWSER, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
