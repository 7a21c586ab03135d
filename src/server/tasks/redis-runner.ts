import { randomUUID } from 'node:crypto';
import { Job as BullJob, Queue, QueueEvents, type KeepJobs } from 'bullmq';
import { Redis } from 'ioredis';
import { isFinished, type Job, type JobEventType, type WorkerInfo } from '../../shared/tasks';
import { BackendUnavailableError, QueueFullError } from './errors';
import { JobWatchers, type JobListener, type WatchOptions } from './job-watchers';
import {
  connectionOptions,
  decodeFailure,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE,
  displayUrl,
  queueKeys,
  type JobData,
  type JobReturn,
  type QueueKeys,
  type RedisQueueOptions,
} from './redis-queue';
import { TaskWorker, type TaskWorkerOptions } from './redis-worker';
import { currentEvent, settle, type RunnerStatus, type TaskCall, type TaskRunner } from './runner';
import { TaskStats } from './stats';
import type { Catalogue } from './task-catalogue';
import { WorkerRegistry } from './worker-registry';

export interface RedisRunnerOptions extends RedisQueueOptions {
  /** Jobs that may wait in the queue before new ones are refused. */
  maxQueue?: number;
  /** How long `execute` waits for a worker on top of the task's time limit. */
  queueWaitMs?: number;
  /** How often the runner reads queue depth and workers from Redis. */
  monitorMs?: number;
  /** A worker inside the server process too; `false` leaves all work to `npm run worker`. */
  localWorker?: Omit<TaskWorkerOptions, keyof RedisQueueOptions> | false;
  /** Heap limit of a worker thread, as reported in the catalogue. */
  memoryMb?: number;
}

const CANCEL_WAIT_MS = 5_000;
/** Completed jobs stay readable for an hour, the newest thousand at most. */
const KEEP_FINISHED: KeepJobs = { age: 3_600, count: 1_000 };

type BullState = Awaited<ReturnType<BullJob['getState']>>;

interface Tracked {
  job: Job;
  /** Events of one job are applied in order, even when one needs a Redis read first. */
  chain: Promise<void>;
  /** Kept even once finished: `execute` is about to watch it (it may finish before `add` returns). */
  held: boolean;
}

function iso(ms: number | undefined): string | undefined {
  return ms ? new Date(ms).toISOString() : undefined;
}

/** A BullMQ job as the API shows it. */
function toJob(job: BullJob<JobData, JobReturn>, state: BullState): Job {
  const returned = job.returnvalue as JobReturn | null | undefined;
  const base: Job = {
    id: job.id ?? '',
    task: job.data.task,
    state: 'queued',
    progress: typeof job.progress === 'number' ? job.progress : 0,
    createdAt: iso(job.timestamp) ?? new Date().toISOString(),
    startedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
    worker: job.processedBy,
  };
  if (state === 'active') return { ...base, state: 'active' };
  if (state === 'completed' && returned) return { ...base, ...completedPatch(returned) };
  if (state === 'failed') return { ...base, ...failedPatch(job.failedReason) };
  return base;
}

function completedPatch(returned: JobReturn): Partial<Job> {
  return {
    state: 'completed',
    progress: 1,
    result: returned.value,
    durationMs: returned.durationMs,
    worker: returned.worker,
  };
}

function failedPatch(reason: string | undefined): Partial<Job> {
  const failure = decodeFailure(reason);
  return {
    state: failure.kind === 'cancelled' ? 'cancelled' : 'failed',
    error: failure.message,
    failure: failure.kind,
  };
}

/**
 * The scale-out backend: jobs go into a BullMQ queue in Redis, worker processes (`npm run worker`,
 * and by default one inside this server) run them, and queue events bring the results back.
 */
export class RedisRunner implements TaskRunner {
  readonly backend = 'redis' as const;
  readonly memoryMb: number;
  private readonly queue: Queue<JobData, JobReturn>;
  private readonly events: QueueEvents;
  private readonly redis: Redis;
  private readonly blocking: Redis;
  private readonly keys: QueueKeys;
  private readonly registry: WorkerRegistry;
  private readonly watchers = new JobWatchers();
  private readonly tracked = new Map<string, Tracked>();
  private readonly stats = new TaskStats();
  private readonly localWorker: TaskWorker | undefined;
  private readonly monitor: NodeJS.Timeout;
  private lastError = '';
  private workers: WorkerInfo[] = [];
  /** Jobs waiting in the queue: read from Redis each second, kept up to date by adds and events between. */
  private waiting = 0;

  constructor(
    readonly catalogue: Catalogue,
    private readonly options: RedisRunnerOptions,
  ) {
    const prefix = options.prefix ?? DEFAULT_PREFIX;
    const queueName = options.queueName ?? DEFAULT_QUEUE;
    this.memoryMb = options.localWorker ? (options.localWorker.memoryMb ?? 256) : (options.memoryMb ?? 256);
    this.keys = queueKeys(prefix, queueName);
    this.redis = new Redis(options.redisUrl, connectionOptions('command'));
    this.redis.on('error', (error: Error) => {
      this.lastError = error.message;
    });
    this.blocking = new Redis(options.redisUrl, connectionOptions('blocking'));
    this.blocking.on('error', () => undefined);
    this.registry = new WorkerRegistry(this.redis, this.keys);
    this.queue = new Queue<JobData, JobReturn>(queueName, {
      connection: this.redis,
      prefix,
      defaultJobOptions: { attempts: 1, removeOnFail: { age: 24 * 3_600, count: 1_000 } },
    });
    this.queue.on('error', () => undefined);
    this.events = new QueueEvents(queueName, { connection: this.blocking, prefix });
    this.events.on('error', () => undefined);
    this.listen();
    this.localWorker = options.localWorker
      ? new TaskWorker(catalogue, { ...options.localWorker, redisUrl: options.redisUrl, queueName, prefix })
      : undefined;
    this.monitor = setInterval(() => void this.refresh(), options.monitorMs ?? 1_000);
    void this.refresh();
  }

  /** Resolves once the queue, its events and the local worker are connected (tests, start-up logs). */
  async ready(): Promise<void> {
    await Promise.all([this.queue.waitUntilReady(), this.events.waitUntilReady(), this.localWorker?.ready()]);
    await this.refresh();
  }

  submit(call: TaskCall, id?: string): Promise<Job> {
    return this.enqueue(call, id, false);
  }

  /**
   * Adds a job. A submitted job's record stays in Redis for GET /api/jobs/:id; a job that
   * `execute` waits for is answered from its completion event and leaves Redis then.
   */
  private async enqueue(call: TaskCall, id: string | undefined, forExecute: boolean): Promise<Job> {
    this.assertAvailable();
    const maxQueue = this.options.maxQueue ?? 1_000;
    if (this.waiting >= maxQueue) throw new QueueFullError(maxQueue);
    const jobId = id ?? randomUUID();
    const queued: Job = {
      id: jobId,
      task: call.task,
      state: 'queued',
      progress: 0,
      createdAt: new Date().toISOString(),
    };
    if (id === undefined) this.track(jobId, queued).held = forExecute;
    const removeOnComplete = forExecute ? true : KEEP_FINISHED;
    try {
      await this.queue.add(call.task, { task: call.task, params: call.params }, { jobId, removeOnComplete });
    } catch (error) {
      this.tracked.delete(jobId);
      throw this.unavailable(error);
    }
    this.waiting++;
    // A job id sent again names the job already there (BullMQ adds nothing then).
    return id === undefined ? queued : ((await this.job(jobId)) ?? queued);
  }

  async execute(call: TaskCall): Promise<Job> {
    this.assertAvailable();
    if (this.workers.length === 0) await this.refresh();
    if (this.workers.length === 0) {
      throw new BackendUnavailableError(
        `Kein Worker ist online. Starten Sie einen mit \`npm run worker\` (REDIS_URL=${displayUrl(this.options.redisUrl)}).`,
      );
    }
    const job = await this.enqueue(call, undefined, true);
    const limit = this.catalogue.get(call.task)?.timeLimitMs ?? 0;
    return settle(this, job.id, limit + (this.options.queueWaitMs ?? 30_000));
  }

  async job(id: string): Promise<Job | undefined> {
    this.assertAvailable();
    try {
      const job = await BullJob.fromId<JobData, JobReturn>(this.queue, id);
      return job ? toJob(job, await job.getState()) : undefined;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /** Removes a waiting job, or asks the worker running it to stop; waits a moment for the outcome. */
  async cancel(id: string): Promise<Job | undefined> {
    const job = await this.job(id);
    if (!job || isFinished(job)) return job;
    let stop: (() => void) | undefined;
    const outcome = new Promise<Job>((resolve) => {
      const timer = setTimeout(() => resolve(this.tracked.get(id)?.job ?? job), CANCEL_WAIT_MS);
      void this.watch(id, ({ job: current }) => {
        if (!isFinished(current)) return;
        clearTimeout(timer);
        resolve(current);
      }).then((unsubscribe) => (stop = unsubscribe));
    });
    try {
      await this.redis.publish(this.keys.cancel, id);
      if (job.state === 'queued') await this.queue.remove(id).catch(() => 0);
    } catch (error) {
      throw this.unavailable(error);
    }
    const final = await outcome;
    stop?.();
    return final;
  }

  async watch(id: string, listener: JobListener, options: WatchOptions = {}): Promise<(() => void) | undefined> {
    const tracked = this.track(id);
    if (!options.finishOnly && tracked.job.state === 'active' && !tracked.job.worker) {
      // Nobody watched when it started: learn now which worker took it.
      this.apply(id, 'active', async () => ({ worker: (await this.job(id).catch(() => undefined))?.worker }));
    }
    await tracked.chain;
    if (this.tracked.get(id) !== tracked) return undefined;
    listener(currentEvent(tracked.job));
    const stop = this.watchers.add(id, listener, options);
    tracked.held = false;
    return () => {
      stop();
      this.forgetIfDone(id);
    };
  }

  async status(): Promise<RunnerStatus> {
    const maxQueue = this.options.maxQueue ?? 1_000;
    const base = {
      backend: this.backend,
      jobs: { done: this.stats.done, failed: this.stats.failed },
      latency: this.stats.latency(),
    };
    try {
      this.assertAvailable();
      const [counts, workers] = await Promise.all([
        this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active'),
        this.registry.list(),
      ]);
      return {
        ...base,
        available: true,
        workers,
        queue: {
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
          active: counts.active ?? 0,
          limit: maxQueue,
        },
      };
    } catch (error) {
      return {
        ...base,
        available: false,
        reason: this.unavailable(error).message,
        workers: [],
        queue: { waiting: 0, active: 0, limit: maxQueue },
      };
    }
  }

  async close(): Promise<void> {
    clearInterval(this.monitor);
    await this.localWorker?.close();
    await Promise.allSettled([this.events.close(), this.queue.close()]);
    this.blocking.disconnect();
    this.redis.disconnect();
  }

  private assertAvailable(): void {
    if (this.redis.status !== 'ready') throw this.unavailable();
  }

  private unavailable(error?: unknown): BackendUnavailableError {
    if (error instanceof BackendUnavailableError) return error;
    const detail = error instanceof Error ? error.message : this.lastError || this.redis.status;
    return new BackendUnavailableError(
      `Redis unter ${displayUrl(this.options.redisUrl)} ist nicht erreichbar (${detail}). ` +
        'Der Task-Server verbindet sich von selbst neu, sobald Redis wieder läuft.',
    );
  }

  /** Reads queue depth and workers online, for admission decisions between status requests. */
  private async refresh(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    try {
      const [counts, workers] = await Promise.all([
        this.queue.getJobCounts('waiting', 'prioritized', 'delayed'),
        this.registry.list(),
      ]);
      this.waiting = (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0);
      this.workers = workers;
    } catch {
      // Redis went away mid-read; the next round tries again.
    }
  }

  /**
   * Follows a job's events from now on; its current state comes from Redis unless the caller
   * knows it. A job is followed until it is finished and nobody watches it any more.
   */
  private track(id: string, known?: Job): Tracked {
    const existing = this.tracked.get(id);
    if (existing) return existing;
    const placeholder: Job = { id, task: '', state: 'queued', progress: 0, createdAt: new Date().toISOString() };
    const tracked: Tracked = { job: known ?? placeholder, chain: Promise.resolve(), held: false };
    this.tracked.set(id, tracked);
    if (!known) {
      tracked.chain = this.job(id).then(
        (job) => {
          if (job) tracked.job = job;
          else this.tracked.delete(id);
        },
        () => void this.tracked.delete(id),
      );
    }
    return tracked;
  }

  private forgetIfDone(id: string): void {
    const tracked = this.tracked.get(id);
    if (tracked && !tracked.held && isFinished(tracked.job) && !this.watchers.has(id)) this.tracked.delete(id);
  }

  private apply(id: string, type: JobEventType, patch: () => Promise<Partial<Job>> | Partial<Job>): void {
    const tracked = this.tracked.get(id);
    if (!tracked) return;
    tracked.chain = tracked.chain.then(async () => {
      if (isFinished(tracked.job)) return;
      tracked.job = { ...tracked.job, ...(await patch()) };
      this.watchers.emit({ type, job: tracked.job });
      this.forgetIfDone(id);
    });
  }

  private listen(): void {
    this.events.on('waiting', ({ jobId }) =>
      this.apply(jobId, 'queued', () => ({ state: 'queued', worker: undefined, startedAt: undefined })),
    );
    this.events.on('active', ({ jobId }) => {
      this.waiting = Math.max(0, this.waiting - 1);
      this.apply(jobId, 'active', async () => {
        // Only a watcher cares which worker took the job: read it from Redis just then.
        if (!this.watchers.followed(jobId)) return { state: 'active', startedAt: new Date().toISOString() };
        const job = await BullJob.fromId<JobData, JobReturn>(this.queue, jobId).catch(() => undefined);
        return { state: 'active', startedAt: iso(job?.processedOn), worker: job?.processedBy };
      });
    });
    this.events.on('progress', ({ jobId, data }) =>
      this.apply(jobId, 'progress', () => ({ progress: typeof data === 'number' ? data : 0 })),
    );
    this.events.on('completed', ({ jobId, returnvalue }) => {
      const returned = returnvalue as unknown as JobReturn;
      this.stats.record(returned.task, returned.durationMs);
      this.apply(jobId, 'completed', () => ({ ...completedPatch(returned), finishedAt: new Date().toISOString() }));
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.stats.recordFailure();
      this.apply(jobId, 'failed', () => ({ ...failedPatch(failedReason), finishedAt: new Date().toISOString() }));
    });
    this.events.on('removed', ({ jobId }) =>
      this.apply(jobId, 'failed', () => ({
        state: 'cancelled',
        failure: 'cancelled',
        error: 'Der Job wurde abgebrochen, bevor ein Worker ihn übernahm.',
      })),
    );
  }
}
