/**
 * Several instances of `npm start` on one machine behind the system's nginx, sharing Redis
 * (and PostgreSQL when DATABASE_URL is set), with task workers of their own: the X axis of the
 * scale cube as `npm run cluster` starts it, and as the cluster tests and bench use it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];
/** An instance counts as failed after one refused connection and is retried after this long. */
export const FAIL_TIMEOUT_S = 3;

export interface ClusterOptions {
  /** Instances of the site (default 3). */
  size?: number;
  /** Task worker processes (default 2). */
  workers?: number;
  /** The balancer's port; the instances take the next ones. */
  port: number;
  /** Address nginx listens on (the instances listen on 127.0.0.1). */
  host?: string;
  /** Environment of every process, on top of this process's. */
  env?: Record<string, string>;
  /** Where the processes write their logs (default: a new temporary folder). */
  dir?: string;
}

export interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
}

export interface Cluster {
  /** The balancer's address, or undefined when no nginx was found. */
  url: string | undefined;
  instances: Instance[];
  workers: ChildProcess[];
  redisUrl: string;
  presenterToken: string;
  adminToken: string;
  /** Where the logs are. */
  dir: string;
  /** What the console should say about missing parts (German). */
  notes: string[];
  /** Starts the instance `name` again after it was stopped. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** The system's nginx, if installed. */
export function findNginx(): string | undefined {
  return NGINX_CANDIDATES.find((path) => existsSync(path));
}

function child(entry: string, env: Record<string, string>, log: string): ChildProcess {
  const fd = openSync(log, 'a');
  return spawn(process.execPath, ['--import', TSX, join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
}

async function healthy(url: string, process: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`${url} ist beim Start beendet worden:\n${readFileSync(log, 'utf8').slice(-2000)}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`${url} antwortet nach 120 s noch nicht.`);
}

async function stopProcess(process: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (process.exitCode !== null || process.signalCode !== null) return;
  const exited = once(process, 'exit');
  process.kill(signal);
  await exited;
}

/** The nginx configuration: a small main file around deploy/site.conf.template. */
function nginxConfig(dir: string, listen: string, upstreams: string[]): string {
  const temp = join(dir, 'nginx-tmp');
  mkdirSync(temp, { recursive: true });
  // nginx's workers run as nobody when it is started as root; they write their buffers here.
  chmodSync(dir, 0o755);
  chmodSync(temp, 0o777);
  const site = readFileSync(join(ROOT, 'deploy/site.conf.template'), 'utf8')
    .replaceAll('${NGINX_LISTEN}', listen)
    .replaceAll(
      '${UPSTREAM_SERVERS}',
      upstreams.map((address) => `server ${address} max_fails=1 fail_timeout=${FAIL_TIMEOUT_S}s;`).join('\n    '),
    );
  return [
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'nginx-error.log')} warn;`,
    'daemon off;',
    'events { worker_connections 8192; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(temp, kind)};`),
    '  types { text/html html; application/javascript js; text/css css; image/svg+xml svg; }',
    site,
    '}',
  ].join('\n');
}

/** Throws when `port` is taken: an instance started there would not be ours to ask. */
async function ensureFree(port: number, host: string): Promise<void> {
  const probe = createServer();
  await new Promise<void>((done, fail) => {
    probe.once('error', () =>
      fail(new Error(`Port ${port} auf ${host} ist schon belegt. Wählen Sie mit PORT=<Zahl> einen anderen Bereich.`)),
    );
    probe.listen(port, host, () => probe.close(() => done()));
  });
}

async function startRedis(
  port: number,
  dir: string,
  notes: string[],
): Promise<{ url: string; process?: ChildProcess }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL };
  const server = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
  if (!server) {
    throw new Error(
      'Für mehrere Instanzen braucht es Redis: setzen Sie REDIS_URL oder installieren Sie redis-server (apt-get install redis-server).',
    );
  }
  const fd = openSync(join(dir, 'redis.log'), 'a');
  const redis = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', fd, fd],
  });
  notes.push(`Redis gestartet auf 127.0.0.1:${port} (ohne REDIS_URL).`);
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; tries < 50; tries += 1) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') return { url, process: redis };
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, process: redis };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const size = options.size ?? 3;
  const workerCount = options.workers ?? 2;
  const host = options.host ?? '127.0.0.1';
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vs-cluster-'));
  const notes: string[] = [];
  const redis = await startRedis(options.port + size + 1, dir, notes);
  const presenterToken = process.env.PRESENTER_TOKEN || randomBytes(16).toString('hex');
  const adminToken = process.env.ADMIN_TOKEN || randomBytes(16).toString('hex');
  const common: Record<string, string> = {
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    TASK_LOCAL_WORKER: 'false',
    TRUST_PROXY: '127.0.0.1',
    PRESENTER_TOKEN: presenterToken,
    ADMIN_TOKEN: adminToken,
    // Every instance must hash a client alike: one secret for all of them.
    IP_SALT_SECRET: process.env.IP_SALT_SECRET || randomBytes(32).toString('hex'),
    DATA_DIR: process.env.DATA_DIR || join(dir, 'data'),
    ...options.env,
  };
  if (!common.DATABASE_URL && !process.env.DATABASE_URL) {
    notes.push(
      'Ohne DATABASE_URL teilen sich die Instanzen eine SQLite-Datei; für einen Hörsaal ist PostgreSQL gedacht.',
    );
  }

  const instances: Instance[] = [];
  const workers: ChildProcess[] = [];
  let nginx: ChildProcess | undefined;
  const stopAll = async () => {
    if (nginx) await stopProcess(nginx, 'SIGQUIT');
    await Promise.all(
      [...instances, ...workers.map((process) => ({ process }))].map(({ process }) => stopProcess(process)),
    );
    if (redis.process) await stopProcess(redis.process);
  };
  const startInstance = (index: number): Instance => {
    const name = `instanz-${index + 1}`;
    const port = options.port + 1 + index;
    const log = join(dir, `${name}.log`);
    return {
      name,
      url: `http://127.0.0.1:${port}`,
      process: child('src/server/main.ts', { ...common, PORT: String(port), INSTANCE: name }, log),
    };
  };
  let url: string | undefined;
  try {
    await ensureFree(options.port, host);
    for (let index = 0; index < size; index += 1) await ensureFree(options.port + 1 + index, '127.0.0.1');
    for (let index = 0; index < size; index += 1) instances.push(startInstance(index));
    for (let index = 0; index < workerCount; index += 1) {
      workers.push(child('src/server/tasks/worker-main.ts', common, join(dir, `worker-${index + 1}.log`)));
    }
    await Promise.all(
      instances.map((instance) => healthy(instance.url, instance.process, join(dir, `${instance.name}.log`))),
    );
    const binary = findNginx();
    if (binary) {
      const config = join(dir, 'nginx.conf');
      const upstreams = instances.map((instance) => instance.url.replace('http://', ''));
      writeFileSync(config, nginxConfig(dir, `${host}:${options.port}`, upstreams));
      const fd = openSync(join(dir, 'nginx.log'), 'a');
      nginx = spawn(binary, ['-p', dir, '-c', config, '-e', join(dir, 'nginx-error.log')], {
        stdio: ['ignore', fd, fd],
      });
      url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${options.port}`;
      await healthy(url, nginx, join(dir, 'nginx-error.log'));
    } else {
      notes.push(
        'nginx ist nicht installiert (apt-get install nginx): die Instanzen laufen ohne Load-Balancer, jede unter ihrer eigenen Adresse.',
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  return {
    url,
    instances,
    workers,
    redisUrl: redis.url,
    presenterToken,
    adminToken,
    dir,
    notes,
    async restart(name) {
      const index = instances.findIndex((instance) => instance.name === name);
      const instance = startInstance(index);
      instances[index] = instance;
      await healthy(instance.url, instance.process, join(dir, `${name}.log`));
    },
    async stop() {
      await stopAll();
      if (!options.dir && !process.env.CLUSTER_KEEP_LOGS) rmSync(dir, { recursive: true, force: true });
    },
  };
}
