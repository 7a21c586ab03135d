/**
 * A tracking service in a child process, for the benchmarks and the process tests.
 *
 * Run directly (`tsx bench/tracking-server.ts sqlite|postgres`) it is the service exactly as
 * `npm run start:tracking` builds it, plus `POST /bench/bare` (204, stores nothing) as the
 * baseline, on a store in DATA_DIR or in PostgreSQL schema BENCH_SCHEMA.
 * Imported, `startServer` spawns such a process (or any script printing its URL) and waits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/server/config';
import { PostgresVisitStore } from '../src/server/tracking/postgres-store';
import { buildTrackingApp } from '../src/server/tracking/service';
import { SqliteVisitStore } from '../src/server/tracking/sqlite-store';
import { SQLITE_FILE } from '../src/server/tracking/open-store';

export const ROOT = resolve(import.meta.dirname, '..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `script` with tsx and resolves with the first http://127.0.0.1:port it prints. */
export function startServer(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${output}`)), 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolveStart({ url, child, exited });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready: ${output}`));
    });
  });
}

export type StoreKind = 'sqlite' | 'postgres';

/** The rate limit is raised so that one load generator on one IP is not refused. */
export function startBenchServer(kind: StoreKind, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  return startServer('bench/tracking-server.ts', [kind], { TRACKING_RATE_LIMIT: '1000000000', ...env });
}

async function serve(kind: StoreKind): Promise<void> {
  const config = loadConfig(process.env, 0);
  const store =
    kind === 'sqlite'
      ? new SqliteVisitStore(join(config.dataDir, SQLITE_FILE))
      : await PostgresVisitStore.open(config.databaseUrl ?? '', process.env.BENCH_SCHEMA);
  const app = await buildTrackingApp(config, store);
  app.post('/bench/bare', async (_request, reply) => reply.code(204).send());
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  console.log(`Bench-Server (${kind}): ${await app.listen({ port: 0, host: '127.0.0.1' })}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const kind = process.argv[2];
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('usage: tracking-server.ts sqlite|postgres');
  await serve(kind);
}
