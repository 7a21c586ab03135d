/**
 * `npm run bench:tasks`: what the task server costs, each figure beside a baseline of the same run.
 *
 * 1. Round trip of `sum` through POST /api/execute (embedded worker threads), one request at a
 *    time over a kept-alive connection, against a bare Fastify echo route of the same server
 *    process. Target: p50 overhead under 1 ms.
 * 2. CPU-bound throughput (`primes`) on a pool of 1 and of 2 worker threads. Target: ≥ 1.8×.
 *    Beside it, the same on bare threads with a plain loop: how far this machine scales at all.
 * 3. With REDIS_URL: job round trip (one at a time) and throughput (32 jobs in flight) through the
 *    Redis runner with 1 and 2 worker processes (`npm run worker`), against a bare BullMQ
 *    producer and worker process in the same run. Target: ≥ 0.8× the bare throughput.
 *
 * The contenders of a part take turns, round after round, and the medians are compared; servers
 * and workers run in processes of their own (this file, started with a role).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { Worker as ThreadWorker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { EmbeddedRunner } from '../src/server/tasks/embedded-runner';
import { tasksPlugin } from '../src/server/tasks/plugin';
import { RedisRunner } from '../src/server/tasks/redis-runner';
import { Catalogue } from '../src/server/tasks/task-catalogue';
import { ThreadPool } from '../src/server/tasks/thread-pool';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const QUEUE_ROUNDS = Number(process.env.BENCH_QUEUE_ROUNDS ?? 5);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 400);
const PRIMES_JOBS = 24;
const PRIMES_N = 3_000_000;
const QUEUE_ROUND_TRIPS = 200;
const QUEUE_JOBS = Number(process.env.BENCH_QUEUE_JOBS ?? 3_000);
const IN_FLIGHT = 32;
const WORKER_THREADS = '2';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const thisFile = fileURLToPath(import.meta.url);
const workerEntry = fileURLToPath(new URL('../src/server/tasks/worker-main.ts', import.meta.url));

type Row = [string, string, string, string];
const rows: Row[] = [];

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

/** Starts this file in another role; resolves with the first line it prints (its address or "ready"). */
function startRole(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline >= 0) resolve({ child, line: output.slice(0, newline) });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} endete mit ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// ---- roles -------------------------------------------------------------------------------

/** The task API on embedded worker threads, plus a bare echo route, in one Fastify process. */
async function serve(): Promise<void> {
  const app = Fastify();
  app.post('/bench/echo', async (request) => request.body);
  const runner = new EmbeddedRunner(await Catalogue.load(), { threads: 2 });
  await app.register(tasksPlugin, { runner, rateLimit: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => runner.close())
        .then(() => process.exit(0)),
  );
  console.log(address);
}

/** A bare BullMQ worker: the same little sum, computed inline. */
async function bareWorker(queueName: string): Promise<void> {
  const connection = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  const worker = new Worker(
    queueName,
    async (job) => ({ value: (job.data.params as number[]).reduce((a, b) => a + b, 0) }),
    { connection, prefix: 'vs', concurrency: Number(WORKER_THREADS) },
  );
  await worker.waitUntilReady();
  process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
  console.log('ready');
}

// ---- 1: HTTP round trip --------------------------------------------------------------------

async function roundTrips(): Promise<void> {
  const { child, line: base } = await startRole([thisFile, 'serve']);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path: string, body: string) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(
        `${base}${path}`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          response.resume();
          response.once('end', () =>
            response.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`HTTP ${response.statusCode}`)),
          );
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  const seed = JSON.stringify({ image: 'x', tag: 'latest', port: 5000, task: 'sum', params: [1, 2, 3, 4] });
  const echo: number[] = [];
  const execute: number[] = [];
  try {
    for (let i = 0; i < 200; i++) {
      await post('/bench/echo', seed);
      await post('/api/execute', seed);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) echo.push(await post('/bench/echo', seed));
      for (let i = 0; i < REQUESTS_PER_ROUND; i++) execute.push(await post('/api/execute', seed));
    }
  } finally {
    agent.destroy();
    await stop(child);
  }
  const overhead = percentile(execute, 0.5) - percentile(echo, 0.5);
  rows.push(
    ['Echo-Route (Fastify, leer)', `p50 ${ms(percentile(echo, 0.5))}`, `p99 ${ms(percentile(echo, 0.99))}`, 'Basis'],
    [
      'POST /api/execute sum (Threads)',
      `p50 ${ms(percentile(execute, 0.5))}`,
      `p99 ${ms(percentile(execute, 0.99))}`,
      `+${ms(overhead)} p50 (Ziel < 1 ms: ${overhead < 1 ? 'erreicht' : 'verfehlt'})`,
    ],
  );
}

// ---- 2: thread scaling -------------------------------------------------------------------

const median = (values: number[]) => percentile(values, 0.5);

/**
 * What the machine itself gives: the same number of jobs of a plain calculation loop on 1 and on
 * 2 bare threads. On a host whose two cores are not fully independent this stays below 2×,
 * and the pool cannot do better than it.
 */
const SPIN_THREAD = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (jobs) => {
  let x = 0;
  for (let job = 0; job < jobs; job++) for (let i = 0; i < 3e7; i++) x = (x + i * i) % 1000003;
  parentPort.postMessage(x);
});`;

function bareThreads(count: number): { run: (jobs: number) => Promise<void>; close: () => Promise<void> } {
  const threads = Array.from({ length: count }, () => new ThreadWorker(SPIN_THREAD, { eval: true }));
  const runOn = (thread: ThreadWorker, jobs: number) =>
    new Promise<void>((resolve) => {
      thread.once('message', () => resolve());
      thread.postMessage(jobs);
    });
  return {
    run: async (jobs) => {
      await Promise.all(
        threads.map((thread, index) => runOn(thread, Math.floor(jobs / count) + (index < jobs % count ? 1 : 0))),
      );
    },
    close: async () => {
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}

async function threadScaling(): Promise<void> {
  const catalogue = await Catalogue.load();
  const pools = [new ThreadPool(catalogue, { threads: 1 }), new ThreadPool(catalogue, { threads: 2 })];
  const bare = [bareThreads(1), bareThreads(2)];
  const throughput: number[][] = [[], []];
  const bareThroughput: number[][] = [[], []];
  const timed = async (run: () => Promise<unknown>): Promise<number> => {
    const started = performance.now();
    await run();
    return PRIMES_JOBS / ((performance.now() - started) / 1000);
  };
  const primes = (pool: ThreadPool, round: number | string) =>
    Promise.all(
      Array.from({ length: PRIMES_JOBS }, (_, i) =>
        pool.run({ jobId: `p-${round}-${i}`, task: 'primes', params: { n: PRIMES_N } }),
      ),
    );
  try {
    await Promise.all(pools.map((pool) => pool.warmUp()));
    // One unmeasured round first, so that every thread has compiled the sieve before the clock runs.
    for (const [index, pool] of pools.entries())
      await Promise.all([primes(pool, 'warm'), bare[index]!.run(PRIMES_JOBS)]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, pool] of pools.entries()) {
        throughput[index]!.push(await timed(() => primes(pool, round)));
        bareThroughput[index]!.push(await timed(() => bare[index]!.run(PRIMES_JOBS)));
      }
    }
  } finally {
    await Promise.all([...pools.map((pool) => pool.close()), ...bare.map((threads) => threads.close())]);
  }
  const [one, two] = throughput.map(median) as [number, number];
  const ratio = two / one;
  const [bareOne, bareTwo] = bareThroughput.map(median) as [number, number];
  rows.push(
    [`primes n=${PRIMES_N}, 1 Thread`, `${one.toFixed(1)} Jobs/s`, '', 'Basis'],
    [
      `primes n=${PRIMES_N}, 2 Threads`,
      `${two.toFixed(1)} Jobs/s`,
      '',
      `${ratio.toFixed(2)}× (Ziel ≥ 1,8×: ${ratio >= 1.8 ? 'erreicht' : 'verfehlt'})`,
    ],
    [
      'Maschine: Rechenschleife, 2 nackte Threads',
      `${(bareTwo / bareOne).toFixed(2)}× von 1 Thread`,
      '',
      `Pool schöpft ${((100 * ratio) / (bareTwo / bareOne)).toFixed(0)} % davon aus`,
    ],
  );
}

// ---- 3: Redis queue ------------------------------------------------------------------------

interface QueueFigures {
  roundTripP50: number;
  perSecond: number;
}

/** Strict round trips one at a time, then throughput with IN_FLIGHT jobs at once. */
async function measure(runOne: (i: number) => Promise<void>): Promise<QueueFigures> {
  const times: number[] = [];
  for (let i = 0; i < QUEUE_ROUND_TRIPS; i++) {
    const started = performance.now();
    await runOne(i);
    times.push(performance.now() - started);
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < QUEUE_JOBS) await runOne(next++);
    }),
  );
  return { roundTripP50: median(times), perSecond: QUEUE_JOBS / ((performance.now() - started) / 1000) };
}

interface Contender {
  name: string;
  runOne: (i: number) => Promise<void>;
  figures: QueueFigures[];
  close: () => Promise<void>;
}

async function deleteQueue(redisUrl: string, queueName: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`vs:${queueName}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/** A plain BullMQ producer here and a plain BullMQ worker process. */
async function bareBullmq(redisUrl: string): Promise<Contender> {
  const queueName = `bench-bare-${randomUUID()}`;
  const { child } = await startRole([thisFile, 'bare-worker', queueName], { REDIS_URL: redisUrl });
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection, prefix: 'vs', defaultJobOptions: { removeOnComplete: true } });
  const events = new QueueEvents(queueName, { connection: { url: redisUrl }, prefix: 'vs' });
  const waiting = new Map<string, () => void>();
  events.on('completed', ({ jobId }) => {
    waiting.get(jobId)?.();
    waiting.delete(jobId);
  });
  await events.waitUntilReady();
  return {
    name: 'BullMQ pur, 1 Worker-Prozess',
    figures: [],
    runOne: async (i) => {
      const jobId = randomUUID();
      const done = new Promise<void>((resolve) => waiting.set(jobId, resolve));
      await queue.add('sum', { task: 'sum', params: [i, 1] }, { jobId });
      await done;
    },
    close: async () => {
      await stop(child);
      await events.close();
      await queue.close();
      connection.disconnect();
      await deleteQueue(redisUrl, queueName);
    },
  };
}

/** The Redis runner here and `npm run worker` processes. */
async function taskServer(redisUrl: string, workerCount: number): Promise<Contender> {
  const queueName = `bench-tasks-${randomUUID()}`;
  const runner = new RedisRunner(await Catalogue.load(), {
    redisUrl,
    queueName,
    localWorker: false,
    // One bench client per job in flight, so the fair share lets all of them run.
    share: { queued: QUEUE_JOBS, total: 100_000 },
  });
  await runner.ready();
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () =>
      startRole([workerEntry], { REDIS_URL: redisUrl, TASK_QUEUE: queueName, TASK_THREADS: WORKER_THREADS }),
    ),
  );
  while ((await runner.status('bench')).workers.length < workerCount)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    name: `Task-Server, ${workerCount} Worker-Prozess${workerCount > 1 ? 'e' : ''}`,
    figures: [],
    runOne: async (i) => {
      await runner.execute({ task: 'sum', params: [i, 1], client: `bench-${i % IN_FLIGHT}` });
    },
    close: async () => {
      await Promise.all(workers.map(({ child }) => stop(child)));
      await runner.close();
      await deleteQueue(redisUrl, queueName);
    },
  };
}

/** All contenders start first; then they take turns, round after round, so load peaks hit all alike. */
async function queueScaling(redisUrl: string): Promise<void> {
  const contenders = [await bareBullmq(redisUrl), await taskServer(redisUrl, 1), await taskServer(redisUrl, 2)];
  try {
    for (const contender of contenders) for (let i = 0; i < 50; i++) await contender.runOne(i);
    for (let round = 0; round < QUEUE_ROUNDS; round++) {
      for (const contender of contenders) contender.figures.push(await measure(contender.runOne));
    }
  } finally {
    for (const contender of contenders) await contender.close();
  }
  const summary = contenders.map(({ name, figures }) => ({
    name,
    roundTrip: median(figures.map((figure) => figure.roundTripP50)),
    perSecond: median(figures.map((figure) => figure.perSecond)),
  }));
  const bare = summary[0]!;
  for (const [index, contender] of summary.entries()) {
    const ratio = contender.perSecond / bare.perSecond;
    rows.push([
      contender.name,
      `RTT p50 ${ms(contender.roundTrip)}`,
      `${contender.perSecond.toFixed(0)} Jobs/s`,
      index === 0 ? 'Basis' : `${ratio.toFixed(2)}× (Ziel ≥ 0,8×: ${ratio >= 0.8 ? 'erreicht' : 'verfehlt'})`,
    ]);
  }
}

// ---- main --------------------------------------------------------------------------------

function printTable(): void {
  const header: Row = ['Messung', 'Wert', 'Wert', 'Vergleich'];
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (row: Row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  console.log(
    `Task-Benchmark; Last der Maschine vorher (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
  await roundTrips();
  await threadScaling();
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl) await queueScaling(redisUrl);
  else console.log('REDIS_URL ist nicht gesetzt: Teil 3 (Redis + BullMQ) wird übersprungen.');
  printTable();
  console.log(
    `\nLast der Maschine nachher: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`,
  );
}

const [role, argument] = process.argv.slice(2);
if (role === 'serve') await serve();
else if (role === 'bare-worker') await bareWorker(argument!);
else {
  await main();
  process.exit(0);
}
