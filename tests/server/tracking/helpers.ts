import Fastify, { type FastifyInstance } from 'fastify';
import { trackingPlugin, type TrackingOptions } from '../../../src/server/tracking/plugin';
import { PostgresVisitStore } from '../../../src/server/tracking/postgres-store';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import type { VisitStore } from '../../../src/server/tracking/store';
import { databaseUrl, storeKinds, tempDir, type TestStore as StoreTestStore } from '../store-kinds';

export { databaseUrl, tempDir };

export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

export type TestStore = StoreTestStore<VisitStore>;

export const STORE_KINDS = storeKinds<VisitStore>('visits', {
  sqlite: (file) => new SqliteVisitStore(file),
  postgres: (url, schema) => PostgresVisitStore.open(url, schema),
});

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
