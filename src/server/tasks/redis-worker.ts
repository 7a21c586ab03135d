import { once } from 'node:events';
import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job as BullJob } from 'bullmq';
import { Redis } from 'ioredis';
import { TaskFailure, taskError } from './errors';
import {
  connectionOptions,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  encodeFailure,
  queueKeys,
  type JobData,
  type JobReturn,
  type RedisQueueOptions,
} from './redis-queue';
import type { Task } from './task';
import type { Catalogue } from './task-catalogue';
import { ThreadPool, type ThreadPoolOptions } from './thread-pool';
import { WorkerRegistry, type RegisteredWorker } from './worker-registry';

export interface TaskWorkerOptions extends RedisQueueOptions, ThreadPoolOptions {
  /** Unique name; default `host:pid`. */
  id?: string;
  /** How often the worker renews its registration; it expires after three missed beats. */
  heartbeatMs?: number;
  /** A job whose worker stops renewing its lock for this long counts as stalled and runs again. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. */
  stalledIntervalMs?: number;
  /** How often one job may stall (its worker died) before it fails. */
  maxStalledCount?: number;
  /**
   * The lecture demo asked this worker to crash while it runs a job: a worker process ends at once,
   * without signing off. Without it the worker ignores such requests.
   */
  onCrash?: () => void;
}

const ANNOUNCE_BATCH_MS = 100;

async function runHere(task: Task, params: unknown): Promise<{ value: unknown; durationMs: number }> {
  const started = performance.now();
  try {
    const value = await task.run(params, () => undefined);
    return { value, durationMs: Math.round((performance.now() - started) * 1000) / 1000 };
  } catch (error) {
    throw taskError(task.name, error);
  }
}

/**
 * A worker process's heart (`npm run worker`): takes jobs from the BullMQ queue, runs them on its
 * thread pool (light tasks on its own event loop), and announces itself with a heartbeat. A job whose worker dies mid-run is taken
 * over by another worker after `lockDurationMs`; BullMQ accepts each job's result only once.
 */
export class TaskWorker {
  readonly id: string;
  private readonly pool: ThreadPool;
  private readonly worker: Worker<JobData, JobReturn>;
  private readonly redis: Redis;
  private readonly blocking: Redis;
  private readonly subscriber: Redis;
  private readonly registry: WorkerRegistry;
  private readonly running = new Map<string, { task: string; client: string }>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly started: Promise<void>;
  private announcePending = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly catalogue: Catalogue,
    private readonly options: TaskWorkerOptions,
  ) {
    this.id = options.id ?? `${hostname()}:${process.pid}`;
    const prefix = options.prefix ?? DEFAULT_PREFIX;
    const queueName = options.queueName ?? DEFAULT_QUEUE;
    const keys = queueKeys(prefix, queueName);
    this.pool = new ThreadPool(catalogue, options);
    this.redis = new Redis(options.redisUrl, connectionOptions('command'));
    this.redis.on('error', () => undefined);
    // Announce as soon as Redis is reachable, also again after Redis was away.
    this.redis.on('ready', () => this.announce());
    this.registry = new WorkerRegistry(this.redis, keys);
    this.blocking = new Redis(options.redisUrl, connectionOptions('blocking'));
    this.blocking.on('error', () => undefined);
    this.worker = new Worker<JobData, JobReturn>(queueName, (job, _token, signal) => this.process(job, signal), {
      connection: this.blocking,
      prefix,
      name: this.id,
      concurrency: this.pool.threadCount,
      autorun: false,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      maxStalledCount: options.maxStalledCount ?? 5,
    });
    this.worker.on('error', () => undefined);
    this.subscriber = new Redis(options.redisUrl, connectionOptions('blocking'));
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, jobId: string) => {
      if (channel === keys.cancel) this.worker.cancelJob(jobId);
      else if (this.running.has(jobId)) this.options.onCrash?.();
    });
    void this.subscriber.subscribe(keys.cancel, keys.crash).catch(() => undefined);
    this.heartbeat = setInterval(() => this.announce(), this.heartbeatMs);
    // Jobs are taken only once the threads can start them at once.
    this.started = this.pool.warmUp().then(() => {
      if (!this.closing) void this.worker.run().catch(() => undefined);
    });
  }

  private get heartbeatMs(): number {
    return this.options.heartbeatMs ?? 2_000;
  }

  info(): RegisteredWorker {
    return {
      id: this.id,
      host: hostname(),
      pid: process.pid,
      busy: this.running.size > 0,
      capacity: this.pool.threadCount,
      running: [...this.running].map(([job, { task, client }]) => ({ job, task, client })),
    };
  }

  /** Waits until the worker takes jobs and shows up in the status. */
  async ready(): Promise<void> {
    await this.started;
    await this.worker.waitUntilReady();
    if (this.redis.status !== 'ready') await once(this.redis, 'ready');
    await this.registry.announce(this.info(), this.heartbeatMs * 3);
  }

  /** Finishes the running jobs, takes no new ones, and signs off. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      clearInterval(this.heartbeat);
      await this.worker.close();
      await this.registry.remove(this.id).catch(() => undefined);
      await this.pool.close();
      for (const connection of [this.subscriber, this.blocking, this.redis]) connection.disconnect();
    })();
    return this.closing;
  }

  private async process(job: BullJob<JobData, JobReturn>, signal?: AbortSignal): Promise<JobReturn> {
    const jobId = job.id ?? '';
    const { task, params, client } = job.data;
    this.running.set(jobId, { task, client });
    this.announceSoon();
    try {
      const definition = this.catalogue.check(task, params);
      const { value, durationMs } = definition.light
        ? await runHere(definition, params)
        : await this.pool.run(
            { jobId, task, params },
            { signal, onProgress: (fraction) => void job.updateProgress(fraction).catch(() => undefined) },
          );
      return { value, durationMs, worker: this.id, task };
    } catch (error) {
      const failure = error instanceof TaskFailure ? error : new TaskFailure('error', (error as Error).message);
      throw new UnrecoverableError(encodeFailure(failure));
    } finally {
      this.running.delete(jobId);
      this.announceSoon();
    }
  }

  /**
   * Registration changes (a job starts or ends) reach Redis within a tenth of a second, batched:
   * the live views poll once a second, and a busy worker does not write for every job.
   */
  private announceSoon(): void {
    if (this.announcePending) return;
    this.announcePending = true;
    setTimeout(() => {
      this.announcePending = false;
      this.announce();
    }, ANNOUNCE_BATCH_MS);
  }

  private announce(): void {
    if (this.closing) return;
    this.registry.announce(this.info(), this.heartbeatMs * 3).catch(() => undefined);
  }
}
