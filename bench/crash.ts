/**
 * `npm run bench:crash`: an acknowledged visit survives SIGKILL.
 *
 * Each round sends 1,000 visits (50 at a time) to a tracking service in a child process and
 * kills it with SIGKILL after a random number of acknowledgements, with more requests in
 * flight. The service is restarted on the same data; then every visit acknowledged with
 * 201 must be there, and SQLite's `PRAGMA integrity_check` must say `ok`. 20 rounds on
 * SQLite, and on PostgreSQL as well when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Visit } from '../src/shared/tracking';
import { SQLITE_FILE } from '../src/server/tracking/open-store';
import { startBenchServer, type ServerProcess, type StoreKind } from './tracking-server';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const CONCURRENCY = 50;

export interface CrashRound {
  round: number;
  acknowledged: number;
  missing: number;
  integrity: string;
}

export interface CrashOptions {
  kind: StoreKind;
  rounds: number;
  visits: number;
  databaseUrl?: string;
  log?: (round: CrashRound) => void;
}

/** Posts `total` visits until the server dies; returns the ones answered with 201. */
async function sendUntilKilled(server: ServerProcess, round: number, total: number): Promise<Visit[]> {
  const acknowledged: Visit[] = [];
  const killAfter = 1 + Math.floor(Math.random() * (total - CONCURRENCY));
  let next = 0;
  let killed = false;
  const worker = async () => {
    while (next < total && !killed) {
      const index = next++;
      try {
        const response = await fetch(`${server.url}/api/visits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
          body: JSON.stringify({ path: `/crash/${round}/${index}` }),
        });
        if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
        acknowledged.push((await response.json()) as Visit);
      } catch (error) {
        if (!killed) throw error;
        return;
      }
      if (acknowledged.length === killAfter && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await server.exited;
  return acknowledged;
}

interface Checker {
  missing: (visits: Visit[]) => Promise<number>;
  integrity: () => Promise<string>;
  close: () => Promise<void>;
}

function sqliteChecker(file: string): Checker {
  return {
    missing: async (visits) => {
      const db = new Database(file, { fileMustExist: true });
      const find = db.prepare<[number], { path: string }>('SELECT path FROM visits WHERE id = ?');
      const missing = visits.filter((visit) => find.get(visit.id)?.path !== visit.path).length;
      db.close();
      return missing;
    },
    integrity: async () => {
      const db = new Database(file, { fileMustExist: true });
      const result = db.pragma('integrity_check', { simple: true }) as string;
      db.close();
      return result;
    },
    close: async () => {},
  };
}

async function postgresChecker(url: string, schema: string): Promise<Checker> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    missing: async (visits) => {
      const { rows } = await client.query<{ id: string; path: string }>(
        `SELECT id, path FROM "${schema}".visits WHERE id = ANY($1::bigint[])`,
        [visits.map((visit) => visit.id)],
      );
      const stored = new Map(rows.map((row) => [Number(row.id), row.path]));
      return visits.filter((visit) => stored.get(visit.id) !== visit.path).length;
    },
    integrity: async () => 'n/a',
    close: async () => {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

export async function crashRounds(options: CrashOptions): Promise<CrashRound[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-crash-'));
  const schema = `visits_crash_${randomBytes(4).toString('hex')}`;
  const env =
    options.kind === 'sqlite'
      ? { DATA_DIR: dataDir }
      : { DATABASE_URL: options.databaseUrl ?? '', BENCH_SCHEMA: schema };
  const checker =
    options.kind === 'sqlite'
      ? sqliteChecker(join(dataDir, SQLITE_FILE))
      : await postgresChecker(options.databaseUrl ?? '', schema);
  const results: CrashRound[] = [];
  let server = await startBenchServer(options.kind, env);
  try {
    for (let round = 1; round <= options.rounds; round += 1) {
      const acknowledged = await sendUntilKilled(server, round, options.visits);
      server = await startBenchServer(options.kind, env);
      const result = {
        round,
        acknowledged: acknowledged.length,
        missing: await checker.missing(acknowledged),
        integrity: await checker.integrity(),
      };
      results.push(result);
      options.log?.(result);
    }
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await checker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function main(): Promise<void> {
  const kinds: StoreKind[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL ist nicht gesetzt: nur SQLite.');
  let ok = true;
  for (const kind of kinds) {
    console.log(`\n${kind}: 20 Runden mit je 1000 Besuchen, SIGKILL zu einem zufälligen Zeitpunkt`);
    const rounds = await crashRounds({
      kind,
      rounds: 20,
      visits: 1000,
      databaseUrl: process.env.DATABASE_URL,
      log: (r) =>
        console.log(
          `Runde ${String(r.round).padStart(2)}: ${String(r.acknowledged).padStart(4)} bestätigt, ` +
            `${r.missing} fehlen, integrity_check: ${r.integrity}`,
        ),
    });
    const missing = rounds.reduce((sum, r) => sum + r.missing, 0);
    const broken = rounds.filter((r) => r.integrity !== 'ok' && r.integrity !== 'n/a').length;
    const acknowledged = rounds.reduce((sum, r) => sum + r.acknowledged, 0);
    console.log(
      `${kind}: ${acknowledged} bestätigte Besuche, ${missing} fehlen, ${broken} Runden mit Integritätsfehler`,
    );
    if (missing > 0 || broken > 0) ok = false;
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
