import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/tracking';
import { loadConfig } from '../../../src/server/config';
import { buildTrackingApp } from '../../../src/server/tracking/service';
import { openEventStream } from '../event-stream';
import { databaseUrl } from '../store-kinds';
import { BROWSER, until } from './helpers';

const id = randomBytes(6).toString('hex');
const schema = `visits_notify_${id}`;
const prefix = `notify_${id}_`;
const apps: FastifyInstance[] = [];
const bases: string[] = [];
let database: pg.Client;

/** The backends the two instances listen on, found by the application name the fan-out gives them. */
async function listeners(): Promise<number[]> {
  const { rows } = await database.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE application_name = $1 ORDER BY pid',
    [`fanout ${prefix}`],
  );
  return rows.map((row) => row.pid);
}

describe.skipIf(!databaseUrl)('PostgreSQL fan-out (LISTEN/NOTIFY) between two instances', () => {
  beforeAll(async () => {
    database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
        SHARED_PREFIX: prefix,
        REDIS_URL: '',
        LOG_LEVEL: 'warn',
      });
      const app = await buildTrackingApp(config);
      apps.push(app);
      bases.push(await app.listen({ port: 0, host: '127.0.0.1' }));
    }
  });

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await database.end();
  });

  async function post(base: string, path: string): Promise<Visit> {
    const response = await fetch(`${base}/api/visits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
      body: JSON.stringify({ path }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Visit;
  }

  it('listens again after its backend was terminated: a later visit on A still reaches a stream on B', async () => {
    const stream = await openEventStream(`${bases[1]}/api/visits/stream`);
    const before = await post(bases[0]!, '/vorher');
    expect(JSON.parse((await stream.next()).data)).toEqual(before);

    const dropped = await listeners();
    expect(dropped).toHaveLength(2);
    await database.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [dropped]);
    await until(async () => {
      const now = await listeners();
      return now.length === 2 && now.every((pid) => !dropped.includes(pid)) ? now : undefined;
    }, 'beide Instanzen hören wieder zu');

    const after = await post(bases[0]!, '/nachher');
    expect(JSON.parse((await stream.next()).data)).toEqual(after);
    stream.close();
  });
});
