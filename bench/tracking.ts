/**
 * `npm run bench:tracking`: how fast the tracking service records visits.
 *
 * autocannon on loopback, 50 connections, 10 s per run, runs alternating in 3 rounds:
 *   bare     POST /bench/bare → 204, stores nothing (same process setup: plugins, rate limit)
 *   sqlite   POST /api/visits with SQLite (WAL, group commit)
 *   postgres POST /api/visits with PostgreSQL (only when DATABASE_URL is set)
 * Each figure is the median over the rounds, so one run disturbed by other load on the machine
 * does not decide. Targets: SQLite ≥ 0.7 × bare requests/s, p99 < 20 ms. Afterwards every acknowledged (2xx)
 * visit must be in the store; a few more may be, answered after autocannon stopped listening.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startBenchServer, type ServerProcess, type StoreKind } from './tracking-server';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP_SECONDS = 3;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const BODY = JSON.stringify({ path: '/bench', referrer: 'http://127.0.0.1:8080/' });

/** The part of `autocannon --json` output used here. */
interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface Target {
  name: 'bare' | StoreKind;
  url: string;
  server: ServerProcess;
  results: Result[];
}

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

/** autocannon in its own process, so the load generator does not share our event loop. */
function load(url: string, seconds: number): Promise<Result> {
  const args = [
    autocannonCli,
    '--json',
    '-c',
    String(CONNECTIONS),
    '-d',
    String(seconds),
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-H',
    `user-agent=${BROWSER}`,
    '-b',
    BODY,
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output) as Result);
      else reject(new Error(`autocannon exited with ${code}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
const fmt = (value: number, digits = 0) => value.toFixed(digits).padStart(9);

async function storedVisits(server: ServerProcess): Promise<number> {
  return ((await (await fetch(`${server.url}/api/visits/status`)).json()) as { visits: number }).visits;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-bench-tracking-'));
  const databaseUrl = process.env.DATABASE_URL;
  const schema = `visits_bench_${randomBytes(4).toString('hex')}`;
  console.log(`Tracking-Benchmark: ${CONNECTIONS} Verbindungen, ${SECONDS} s je Lauf, ${ROUNDS} Runden`);
  console.log(
    `Last der Maschine vorher (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );

  const sqlite = await startBenchServer('sqlite', { DATA_DIR: dataDir });
  const targets: Target[] = [
    { name: 'bare', url: `${sqlite.url}/bench/bare`, server: sqlite, results: [] },
    { name: 'sqlite', url: `${sqlite.url}/api/visits`, server: sqlite, results: [] },
  ];
  if (databaseUrl) {
    const postgres = await startBenchServer('postgres', { DATABASE_URL: databaseUrl, BENCH_SCHEMA: schema });
    targets.push({ name: 'postgres', url: `${postgres.url}/api/visits`, server: postgres, results: [] });
  } else {
    console.log('DATABASE_URL ist nicht gesetzt: PostgreSQL wird nicht gemessen.');
  }

  const acknowledged = new Map<ServerProcess, number>();
  const count = (target: Target, result: Result) => {
    if (target.name !== 'bare') acknowledged.set(target.server, (acknowledged.get(target.server) ?? 0) + result['2xx']);
  };
  try {
    for (const target of targets) count(target, await load(target.url, WARMUP_SECONDS));
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const target of targets) {
        const result = await load(target.url, SECONDS);
        target.results.push(result);
        count(target, result);
        console.log(
          `Runde ${round} ${target.name.padEnd(8)} ${fmt(result.requests.average)} req/s` +
            `  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms` +
            `  Fehler ${result.non2xx + result.errors + result.timeouts}`,
        );
      }
    }

    const bare = median(targets[0]?.results.map((result) => result.requests.average) ?? []);
    console.log('\nMedian        req/s       p99 ms   × bare');
    let ok = true;
    for (const target of targets) {
      const rate = median(target.results.map((result) => result.requests.average));
      const p99 = median(target.results.map((result) => result.latency.p99));
      const failures = target.results.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
      console.log(
        `${target.name.padEnd(9)} ${fmt(rate)}  ${fmt(p99, 1)}   ${(rate / bare).toFixed(2)}` +
          (failures > 0 ? `   (${failures} Fehler)` : ''),
      );
      if (target.name === 'sqlite') ok = rate / bare >= 0.7 && p99 < 20 && failures === 0;
    }
    for (const [server, acked] of acknowledged) {
      const stored = await storedVisits(server);
      const verdict = stored >= acked ? '✓ keiner fehlt' : `✗ ${acked - stored} fehlen`;
      console.log(`Bestätigte Besuche ${acked}, gespeichert ${stored}: ${verdict}`);
      if (stored < acked) ok = false;
    }
    console.log(ok ? '\nZiel erreicht: SQLite ≥ 0,7 × bare, p99 < 20 ms, nichts verloren.' : '\nZiel verfehlt.');
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const server of new Set(targets.map((target) => target.server))) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

await main();
