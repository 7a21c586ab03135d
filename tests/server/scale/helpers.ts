import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { Redis } from 'ioredis';
import pg from 'pg';
import { findNginx, startCluster, type Cluster } from '../../../src/cli/cluster-launch';

export const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** Why the cluster tests cannot run here, or undefined when nginx, Redis and PostgreSQL are all there. */
export function missingForCluster(): string | undefined {
  const missing = [
    findNginx() ? undefined : 'nginx (apt-get install nginx)',
    process.env.REDIS_URL ? undefined : 'REDIS_URL',
    process.env.DATABASE_URL ? undefined : 'DATABASE_URL',
  ].filter(Boolean);
  if (missing.length === 0) return undefined;
  const reason = `Cluster-Tests übersprungen: es fehlt ${missing.join(', ')}.`;
  console.log(reason);
  return reason;
}

export interface TestCluster extends Cluster {
  schema: string;
  /** Paths of the visits the store holds. */
  storedPaths(): Promise<string[]>;
  dispose(): Promise<void>;
}

/**
 * A cluster of its own: its own ports, Redis prefix, task queue and PostgreSQL schema, and a
 * site folder with one deck, so parallel runs on this machine never meet.
 */
export async function testCluster(port: number, env: Record<string, string> = {}): Promise<TestCluster> {
  const site = mkdtempSync(join(tmpdir(), 'vs-cluster-site-'));
  mkdirSync(join(site, 'slides', 'kapitel-2'), { recursive: true });
  writeFileSync(join(site, 'slides', 'kapitel-2', 'index.html'), '<!doctype html><title>Kapitel 2</title>');
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Verteilte Systeme</title>');
  const id = randomBytes(6).toString('hex');
  const prefix = `test-${randomUUID()}`;
  const schema = `visits_cluster_${id}`;
  const cluster = await startCluster({
    port,
    env: {
      SITE_DIR: site,
      SHARED_PREFIX: `${prefix}:`,
      TASK_QUEUE: prefix,
      DATABASE_URL: process.env.DATABASE_URL!,
      DATABASE_SCHEMA: schema,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  return {
    ...cluster,
    schema,
    async storedPaths() {
      const { rows } = await database.query<{ path: string }>(`SELECT path FROM "${schema}".visits`);
      return rows.map((row) => row.path);
    },
    async dispose() {
      await cluster.stop();
      await database.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await database.end();
      const redis = new Redis(process.env.REDIS_URL!);
      const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`vs:${prefix}:*`))];
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

export interface Follower {
  /** Slide indexes received, in order, over all connections. */
  slides: number[];
  /** Connections opened, the first included. */
  connections: number;
  close(): void;
}

/**
 * A follower as a browser's EventSource behaves: when the stream ends it reconnects after the
 * server's `retry:`, to whichever instance the balancer picks.
 */
export function follow(url: string, forwardedFor: string, onSlide?: (index: number) => void): Follower {
  const follower: Follower = { slides: [], connections: 0, close: () => (closed = true) };
  let closed = false;
  let retryMs = 2000;
  const controller = new AbortController();
  follower.close = () => {
    closed = true;
    controller.abort();
  };
  const connect = async (): Promise<void> => {
    while (!closed) {
      follower.connections += 1;
      try {
        const response = await fetch(url, { headers: { 'x-forwarded-for': forwardedFor }, signal: controller.signal });
        const parser = createParser({
          onRetry: (ms) => (retryMs = ms),
          onEvent: (event) => {
            if (event.event !== 'slide') return;
            const index = (JSON.parse(event.data) as { index: number | null }).index;
            if (index === null) return;
            follower.slides.push(index);
            onSlide?.(index);
          },
        });
        const decoder = new TextDecoder();
        const reader = response.body?.getReader();
        for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
          parser.feed(decoder.decode(chunk.value, { stream: true }));
        }
      } catch {
        // The instance went away mid-stream or refused: reconnect like a browser.
      }
      if (!closed) await new Promise((done) => setTimeout(done, retryMs));
    }
  };
  void connect();
  return follower;
}

export function visit(base: string, path: string, forwardedFor: string): Promise<Response> {
  return fetch(`${base}/api/visits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ path }),
  });
}

export async function until<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Nicht eingetreten: ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The presenter shows slide `index` of chapter 2, through the balancer. */
export async function present(cluster: Cluster, index: number): Promise<void> {
  const response = await fetch(`${cluster.url}/api/follow/kapitel-2`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cluster.presenterToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ index }),
  });
  if (response.status !== 200) throw new Error(`Folie ${index} nicht gezeigt: HTTP ${response.status}`);
}
