import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_FAIR_SHARE, type FairShareLimits } from './tasks/fair-share';

export type IpMode = 'masked' | 'full' | 'hashed';

/** Everything the servers read from the environment; every variable is optional. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL schema of the visit table (DATABASE_SCHEMA, default `public`). */
  databaseSchema: string;
  redisUrl: string | undefined;
  trackingIp: IpMode;
  /** Pino level of the server log (LOG_LEVEL). */
  logLevel: string;
  trustProxy: boolean | string;
  adminToken: string | undefined;
  presenterToken: string | undefined;
  corsOrigins: string[];
  siteDir: string;
  /** Visits per second one client IP may record before it gets 429. */
  trackingRateLimit: number;
  /** Event streams (follow, visits) one client IP may hold open at once (STREAMS_PER_CLIENT). */
  streamsPerClient: number;
  /** Votes one client IP may send per minute (POLL_VOTES_PER_IP); a hall behind one NAT shares an address. */
  pollVotesPerIp: number;
  /** Worker threads of a task worker (TASK_THREADS); undefined: one per core. */
  taskThreads: number | undefined;
  /** With REDIS_URL: whether the server process also works on jobs (TASK_LOCAL_WORKER, default true). */
  taskLocalWorker: boolean;
  /** BullMQ queue of the task servers and workers that belong together (TASK_QUEUE, default `tasks`). */
  taskQueue: string;
  /** Each client's share of the task server (TASK_CLIENT_RUNNING, …; see FAIR_SHARE_ENV). */
  taskShare: FairShareLimits;
  /** The name this instance answers with in `X-Instance` (INSTANCE, default host name and port). */
  instance: string;
  /** Prefix of the Redis keys and channels the instances of one deployment share (SHARED_PREFIX, default `vs:`). */
  sharedPrefix: string;
  /** Key of the daily salt of TRACKING_IP=hashed (IP_SALT_SECRET); the same on every instance, or random per process. */
  ipSaltSecret: string | undefined;
}

/** The environment variable of each fair-share limit. */
const FAIR_SHARE_ENV: Record<keyof FairShareLimits, string> = {
  running: 'TASK_CLIENT_RUNNING',
  queued: 'TASK_CLIENT_QUEUED',
  workSeconds: 'TASK_CLIENT_WORK_S',
  total: 'TASK_QUEUE_LIMIT',
  longJobSeconds: 'TASK_LONG_JOB_S',
};

function parseFairShare(env: NodeJS.ProcessEnv): FairShareLimits {
  const limits = { ...DEFAULT_FAIR_SHARE };
  for (const [key, name] of Object.entries(FAIR_SHARE_ENV) as [keyof FairShareLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000) {
      throw new Error(`${name} muss eine ganze Zahl von 1 bis 1000000 sein, nicht "${raw}"`);
    }
    limits[key] = value;
  }
  return limits;
}

/** The server cannot start as configured; its message says what to check, in one German line. */
export class StartupError extends Error {}

/** For the entry points: runs one start-up step; a StartupError ends the process with its line and exit code 1. */
export async function startup<T>(step: () => T | Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const IP_MODES: readonly IpMode[] = ['masked', 'full', 'hashed'];

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(`PORT muss eine ganze Zahl von 0 bis 65535 sein, nicht "${raw}"`);
  }
  return port;
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1) {
    throw new StartupError(`${name} muss eine ganze Zahl ab 1 sein, nicht "${raw}"`);
  }
  return count;
}

function parseThreads(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new StartupError(`TASK_THREADS muss eine ganze Zahl von 1 bis 256 sein, nicht "${raw}"`);
  }
  return threads;
}

function parseTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaultPort = 8080): Config {
  const trackingIp = (env.TRACKING_IP ?? 'masked') as IpMode;
  if (!IP_MODES.includes(trackingIp)) {
    throw new StartupError(`TRACKING_IP muss ${IP_MODES.join(' | ')} sein, nicht "${env.TRACKING_IP}"`);
  }
  const port = parsePort(env.PORT, defaultPort);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || 'public',
    redisUrl: env.REDIS_URL || undefined,
    trackingIp,
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    adminToken: env.ADMIN_TOKEN || undefined,
    presenterToken: env.PRESENTER_TOKEN || undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    siteDir: resolve(env.SITE_DIR || './dist'),
    trackingRateLimit: parseCount('TRACKING_RATE_LIMIT', env.TRACKING_RATE_LIMIT, 50),
    streamsPerClient: parseCount('STREAMS_PER_CLIENT', env.STREAMS_PER_CLIENT, 16),
    pollVotesPerIp: parseCount('POLL_VOTES_PER_IP', env.POLL_VOTES_PER_IP, 1200),
    taskThreads: parseThreads(env.TASK_THREADS),
    taskLocalWorker: !['false', '0', 'off'].includes(env.TASK_LOCAL_WORKER ?? ''),
    taskQueue: env.TASK_QUEUE || 'tasks',
    taskShare: parseFairShare(env),
    instance: env.INSTANCE || `${hostname()}:${port}`,
    sharedPrefix: env.SHARED_PREFIX || 'vs:',
    ipSaltSecret: env.IP_SALT_SECRET || undefined,
  };
}

/** The course site's own addresses on its default port: a service started alone accepts them without CORS_ORIGINS. */
const SITE_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];

/** Configuration of a service started on its own (`npm run start:tracking`, `start:tasks`). */
export function loadServiceConfig(defaultPort: number, env: NodeJS.ProcessEnv = process.env): Config {
  const config = loadConfig(env, defaultPort);
  return config.corsOrigins.length > 0 ? config : { ...config, corsOrigins: SITE_ORIGINS };
}
