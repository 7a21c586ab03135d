/**
 * `npm run bench:cluster`: the same load through 1 and then 3 instances behind nginx (`npm run
 * cluster`'s setup, Redis from REDIS_URL or the system, PostgreSQL when DATABASE_URL is set).
 *
 * - Follow fan-out: FOLLOWERS event streams through nginx (1,500; BENCH_SHORT=1: 300), each from
 *   its own forwarded address; the presenter changes the slide 20 times; latency from the
 *   publish to each follower's event, p50/p99.
 * - Ingest: 32 clients post visits through nginx for 10 s (5 s short): req/s and p99.
 * - Failover (3 instances): SIGTERM one; time until every follower shows the next slide.
 *
 * On one machine 3 instances share the same cores as 1: expect no speed-up here. What the
 * design gives is that instances can go on separate machines (Redis and PostgreSQL shared).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import pg from 'pg';
import { findNginx, startCluster, type Cluster } from '../src/cli/cluster-launch';

const SHORT = Boolean(process.env.BENCH_SHORT);
const PORT = Number(process.env.BENCH_PORT ?? 4540);
const FOLLOWERS = Number(process.env.FOLLOWERS ?? (SHORT ? 300 : 1500));
const SLIDES = SHORT ? 8 : 20;
const INGEST_S = SHORT ? 5 : 10;
const SENDERS = 32;
const DECK = 'kapitel-2';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

interface Follower {
  last: number | null;
  seen: Map<number, number>;
  close(): void;
}

/** A follower that reconnects like a browser's EventSource (after the server's `retry:`). */
function follower(url: string, address: string): Follower {
  const controller = new AbortController();
  const state: Follower = { last: null, seen: new Map(), close: () => controller.abort() };
  void (async () => {
    let retryMs = 2000;
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(url, { headers: { 'x-forwarded-for': address }, signal: controller.signal });
        const parser = createParser({
          onRetry: (ms) => (retryMs = ms),
          onEvent: (event) => {
            if (event.event !== 'slide') return;
            const index = (JSON.parse(event.data) as { index: number | null }).index;
            if (index === null) return;
            state.last = index;
            if (!state.seen.has(index)) state.seen.set(index, performance.now());
          },
        });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          parser.feed(decoder.decode(chunk.value, { stream: true }));
        }
      } catch {
        // gone: reconnect
      }
      if (!controller.signal.aborted) await sleep(retryMs);
    }
  })();
  return state;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (check()) return true;
    await sleep(10);
  }
  return false;
}

interface Figures {
  fanOutP50: number;
  fanOutP99: number;
  missed: number;
  ingestRate: number;
  ingestP99: number;
  ingestFailures: number;
  failoverMs?: number;
}

async function measure(cluster: Cluster, size: number): Promise<Figures> {
  const base = cluster.url!;
  const present = async (index: number) => {
    const response = await fetch(`${base}/api/follow/${DECK}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cluster.presenterToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ index }),
    });
    if (!response.ok) throw new Error(`Folgen: HTTP ${response.status}`);
  };
  await present(0);
  const followers = Array.from({ length: FOLLOWERS }, (_, n) =>
    follower(
      `${base}/api/follow/${DECK}/events`,
      `10.${60 + Math.floor(n / 60000)}.${Math.floor(n / 250) % 250}.${n % 250}`,
    ),
  );
  if (!(await until(() => followers.every((one) => one.last === 0), 120_000))) {
    throw new Error('Nicht alle Folgenden verbunden');
  }

  const latencies: number[] = [];
  let missed = 0;
  for (let index = 1; index <= SLIDES; index += 1) {
    const sent = performance.now();
    await present(index);
    await until(() => followers.every((one) => one.seen.has(index)), 10_000);
    for (const one of followers) {
      const at = one.seen.get(index);
      if (at === undefined) missed += 1;
      else latencies.push(at - sent);
    }
    await sleep(300);
  }

  const ingest: number[] = [];
  let failures = 0;
  let running = true;
  const started = performance.now();
  const senders = Array.from({ length: SENDERS }, async (_, lane) => {
    for (let n = 0; running; n += 1) {
      const sent = performance.now();
      try {
        const response = await fetch(`${base}/api/visits`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': BROWSER,
            'x-forwarded-for': `10.99.${lane}.${n % 250}`,
          },
          body: JSON.stringify({ path: `/bench/${lane}/${n}` }),
        });
        await response.arrayBuffer();
        if (response.status === 201) ingest.push(performance.now() - sent);
        else failures += 1;
      } catch {
        failures += 1;
      }
    }
  });
  await sleep(INGEST_S * 1000);
  running = false;
  await Promise.all(senders);
  const elapsedS = (performance.now() - started) / 1000;

  let failoverMs: number | undefined;
  if (size > 1) {
    const victim = cluster.instances[0]!.process;
    victim.kill('SIGTERM');
    await new Promise((done) => victim.once('exit', done));
    const next = SLIDES + 1;
    const sent = performance.now();
    await present(next);
    if (await until(() => followers.every((one) => one.last === next), 60_000)) failoverMs = performance.now() - sent;
  }
  for (const one of followers) one.close();
  return {
    fanOutP50: percentile(latencies, 0.5),
    fanOutP99: percentile(latencies, 0.99),
    missed,
    ingestRate: ingest.length / elapsedS,
    ingestP99: percentile(ingest, 0.99),
    ingestFailures: failures,
    failoverMs,
  };
}

async function main(): Promise<void> {
  if (!findNginx()) {
    console.error('bench:cluster braucht nginx (apt-get install nginx).');
    process.exit(1);
  }
  const site = mkdtempSync(join(tmpdir(), 'vs-bench-cluster-'));
  mkdirSync(join(site, 'slides', DECK), { recursive: true });
  writeFileSync(join(site, 'slides', DECK, 'index.html'), '<!doctype html><title>Kapitel 2</title>');
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Bench</title>');
  console.log(
    `Cluster-Messung: ${FOLLOWERS} Folgende, ${SLIDES} Folienwechsel, ${SENDERS} Besuchs-Clients für ${INGEST_S} s; ` +
      `${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; Last vorher ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' / ')}`,
  );
  const results = new Map<number, Figures>();
  for (const size of [1, 3]) {
    const prefix = `bench-${randomUUID()}`;
    const cluster = await startCluster({
      size,
      port: PORT,
      env: {
        SITE_DIR: site,
        SHARED_PREFIX: `${prefix}:`,
        TASK_QUEUE: prefix,
        LOG_LEVEL: 'error',
        TRACKING_RATE_LIMIT: '100000',
        ...(process.env.DATABASE_URL ? { DATABASE_SCHEMA: `visits_${prefix.replaceAll('-', '_')}` } : {}),
      },
    });
    try {
      results.set(size, await measure(cluster, size));
    } finally {
      await cluster.stop();
      if (process.env.DATABASE_URL) {
        const database = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await database.connect();
        await database.query(`DROP SCHEMA IF EXISTS "visits_${prefix.replaceAll('-', '_')}" CASCADE`);
        await database.end();
      }
    }
  }
  rmSync(site, { recursive: true, force: true });

  const one = results.get(1)!;
  const three = results.get(3)!;
  const row = (name: string, a: number, b: number, unit: string, digits = 1) =>
    `| ${name} | ${a.toFixed(digits)} ${unit} | ${b.toFixed(digits)} ${unit} | ${(b / a).toFixed(2)}× |`;
  console.log('\n| Messgröße | 1 Instanz | 3 Instanzen | 3 / 1 |\n|---|---|---|---|');
  console.log(row('Folgen: Folienwechsel → Folgende, p50', one.fanOutP50, three.fanOutP50, 'ms'));
  console.log(row(`Folgen: p99 (${FOLLOWERS} Folgende)`, one.fanOutP99, three.fanOutP99, 'ms'));
  console.log(row('Besuche: angenommen je s', one.ingestRate, three.ingestRate, '/s', 0));
  console.log(row('Besuche: p99', one.ingestP99, three.ingestP99, 'ms'));
  console.log(`| verpasste Folienwechsel | ${one.missed} | ${three.missed} | |`);
  console.log(`| fehlgeschlagene Besuche | ${one.ingestFailures} | ${three.ingestFailures} | |`);
  console.log(
    `| Ausfall (SIGTERM) → alle auf neuer Folie | – | ${three.failoverMs === undefined ? 'nicht alle' : `${three.failoverMs.toFixed(0)} ms`} | |`,
  );
  console.log(
    `\nLast nachher ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}. Auf einer Maschine teilen sich 3 Instanzen dieselben Kerne wie 1; ` +
      'der Gewinn des Aufbaus ist, dass Instanzen auf getrennte Maschinen können.',
  );
}

await main();
