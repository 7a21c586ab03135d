import { Job as BullJob, Queue, QueueEvents, type KeepJobs } from 'bullmq';
import { Redis } from 'ioredis';
import { isFinished, type Job } from '../../shared/tasks';
import { MAX_ATTEMPTS } from '../../shared/teach';
import {
  BackendUnavailableError,
  cancelledFailure,
  CrashRefusedError,
  JobConflictError,
  JobNotFoundError,
} from './errors';
import { DEFAULT_FAIR_SHARE, FairQueue, FairShareError, type FairShareLimits, type Place } from './fair-share';
import type { JobListener, WatchOptions } from './job-watchers';
import { completedPatch, failedPatch, JobTracker } from './job-tracker';
import {
  connectionOptions,
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
import {
  callFingerprint,
  newCancelToken,
  newJobId,
  sameToken,
  settle,
  type RunnerStatus,
  type Submitted,
  type TaskCall,
  type TaskRunner,
} from './runner';
import { SharedShares } from './shared-share';
import { TaskStats } from './stats';
import type { Catalogue } from './task-catalogue';
import { WorkerRegistry, type RegisteredWorker } from './worker-registry';

export interface RedisRunnerOptions extends RedisQueueOptions {
  /** Each client's share of the workers and the queue. */
  share?: Partial<FairShareLimits>;
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

/** A job in this server's fair queue, not yet handed to BullMQ. */
interface Pending {
  job: Job;
  call: TaskCall;
  cancelToken: string;
  forExecute: boolean;
  place: Place<Pending>;
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
    ...(job.attemptsStarted > 0 ? { attempts: job.attemptsStarted } : {}),
  };
  if (state === 'active') return { ...base, state: 'active' };
  if (state === 'completed' && returned) return { ...base, ...completedPatch(returned) };
  if (state === 'failed') return { ...base, ...failedPatch(job.failedReason) };
  return base;
}

/**
 * The scale-out backend: jobs go into a BullMQ queue in Redis, worker processes (`npm run worker`,
 * and by default one inside this server) run them, and queue events bring the results back.
 * Jobs first wait in this server's fair queue (one list per client, served in turn) and go to
 * BullMQ only as the workers have room, so BullMQ's own first-come order never decides who waits.
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
  /** Job states from the queue events; the jobs this server handed to BullMQ hold worker places. */
  private readonly tracker: JobTracker<Place<Pending>>;
  private readonly stats = new TaskStats();
  private readonly localWorker: TaskWorker | undefined;
  private readonly monitor: NodeJS.Timeout;
  private readonly fair: FairQueue<Pending>;
  /** The same shares counted across every server on this queue. */
  private readonly shares: SharedShares;
  private readonly pending = new Map<string, Pending>();
  /** Aborted when the connection to Redis breaks: `execute` answers 503 then instead of waiting. */
  private connection = new AbortController();
  private lastError = '';
  private workers: RegisteredWorker[] = [];

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
    this.redis.on('close', () => {
      if (!this.connection.signal.aborted) this.connection.abort(this.unavailable());
    });
    this.redis.on('ready', () => {
      if (!this.connection.signal.aborted) return;
      this.connection = new AbortController();
      void this.tracker.reconcile();
    });
    this.fair = new FairQueue({ ...DEFAULT_FAIR_SHARE, ...options.share });
    this.tracker = new JobTracker({ load: (id) => this.job(id), release: (place) => this.release(place) });
    this.shares = new SharedShares(this.redis, `${prefix}:${queueName}:`, this.fair.limits);
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

  submit(call: TaskCall, id?: string): Promise<Submitted> {
    return this.enqueue(call, id, false);
  }

  /**
   * Queues a job in the fair queue. A submitted job's record stays in Redis for GET /api/jobs/:id;
   * a job that `execute` waits for is answered from its completion event and leaves Redis then.
   */
  private async enqueue(call: TaskCall, id: string | undefined, forExecute: boolean): Promise<Submitted> {
    this.assertAvailable();
    const task = this.catalogue.check(call.task, call.params);
    const again = id === undefined ? undefined : await this.existing(call, id);
    if (again) return again;
    const jobId = id ?? newJobId();
    const pending = {
      job: { id: jobId, task: call.task, state: 'queued', progress: 0, createdAt: new Date().toISOString() },
      call,
      cancelToken: newCancelToken(),
      forExecute,
    } as Pending;
    const seconds = this.catalogue.workSeconds(task, call.params);
    await this.shares.reserve(call.client, seconds).catch((error: unknown) => {
      throw error instanceof FairShareError ? error : this.unavailable(error);
    });
    try {
      pending.place = this.fair.enqueue(call.client, pending, seconds);
    } catch (error) {
      this.shares.started(call.client);
      this.shares.ended(call.client, seconds);
      throw error;
    }
    this.pending.set(jobId, pending);
    this.tracker.created(pending.job, forExecute);
    this.handOver();
    return { job: pending.job, cancelToken: pending.cancelToken };
  }

  /** The job already named `id`, if any: the same call gets it, another call a 409. */
  private async existing(call: TaskCall, id: string): Promise<Submitted | undefined> {
    let found: { job: Job; data: Omit<JobData, 'params'> & { params: unknown } } | undefined;
    const pending = this.pending.get(id);
    if (pending) found = { job: pending.job, data: { ...pending.call, cancelToken: pending.cancelToken } };
    else {
      const stored = await BullJob.fromId<JobData, JobReturn>(this.queue, id).catch((error: unknown) => {
        throw this.unavailable(error);
      });
      if (stored) found = { job: toJob(stored, await stored.getState()), data: stored.data };
    }
    if (!found) return undefined;
    if (callFingerprint(found.data) !== callFingerprint(call)) throw new JobConflictError(id);
    return found.data.client === call.client
      ? { job: found.job, cancelToken: found.data.cancelToken }
      : { job: found.job };
  }

  /**
   * Gives waiting jobs to BullMQ, in the fair queue's order, as far as the workers online have
   * room: one job per worker place running and one waiting, so no worker idles between two jobs.
   */
  private handOver(): void {
    const capacity = this.workers.reduce((sum, worker) => sum + worker.capacity, 0);
    const room = 2 * capacity - this.tracker.inQueue;
    if (room <= 0 || this.fair.waiting === 0 || this.redis.status !== 'ready') return;
    for (const place of this.fair.take(room, capacity)) {
      const { job, call, cancelToken, forExecute } = place.item;
      this.pending.delete(job.id);
      this.tracker.handedOver(job.id, place);
      this.shares.started(place.client);
      const data: JobData = { task: call.task, params: call.params, client: call.client, cancelToken };
      this.queue
        .add(call.task, data, { jobId: job.id, removeOnComplete: forExecute ? true : KEEP_FINISHED })
        .catch((error: unknown) => {
          this.tracker.release(job.id);
          this.tracker.end(job.id, { state: 'failed', failure: 'error', error: this.unavailable(error).message });
        });
    }
  }

  /** A handed-over job ended: its worker place is free for the next client in turn. */
  private release(place: Place<Pending>): void {
    this.fair.finished(place);
    this.shares.ended(place.client, place.seconds);
    this.handOver();
  }

  async execute(call: TaskCall): Promise<Job> {
    this.assertAvailable();
    if (this.workers.length === 0) await this.refresh();
    if (this.workers.length === 0) {
      throw new BackendUnavailableError(
        `Kein Worker ist online. Starten Sie einen mit \`npm run worker\` (REDIS_URL=${displayUrl(this.options.redisUrl)}).`,
      );
    }
    const { job } = await this.enqueue(call, undefined, true);
    const limit = this.catalogue.get(call.task)?.timeLimitMs ?? 0;
    return settle(this, job.id, limit + (this.options.queueWaitMs ?? 30_000), this.connection.signal);
  }

  async job(id: string): Promise<Job | undefined> {
    const pending = this.pending.get(id);
    if (pending) return pending.job;
    this.assertAvailable();
    try {
      const job = await BullJob.fromId<JobData, JobReturn>(this.queue, id);
      return job ? toJob(job, await job.getState()) : undefined;
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  async ownedBy(id: string, token: string): Promise<boolean> {
    const pending = this.pending.get(id);
    if (pending) return sameToken(token, pending.cancelToken);
    this.assertAvailable();
    try {
      const job = await BullJob.fromId<JobData, JobReturn>(this.queue, id);
      return job !== undefined && typeof job.data.cancelToken === 'string' && sameToken(token, job.data.cancelToken);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  /**
   * Asks the worker process running the job to die at once. BullMQ finds the job stalled once its
   * lock expires and hands it to a worker again. A job on the worker inside this server is refused:
   * the demo does not take the server down with it.
   */
  async crash(id: string): Promise<Job> {
    this.assertAvailable();
    const stored = await BullJob.fromId<JobData, JobReturn>(this.queue, id).catch((error: unknown) => {
      throw this.unavailable(error);
    });
    if (!stored) {
      if (this.pending.has(id))
        throw new CrashRefusedError(`Job „${id}“ wartet noch: Es gibt keinen Worker, der abstürzen könnte.`);
      throw new JobNotFoundError(id);
    }
    const job = toJob(stored, await stored.getState());
    if (job.state !== 'active') {
      throw new CrashRefusedError(
        `Job „${id}“ läuft gerade nicht (Zustand ${job.state}): Es gibt keinen Worker, der abstürzen könnte.`,
      );
    }
    if (stored.attemptsStarted >= MAX_ATTEMPTS) {
      throw new CrashRefusedError(
        `Job „${id}“ hat schon ${MAX_ATTEMPTS} Versuche hinter sich; öfter lässt die Demo ihn nicht abstürzen.`,
      );
    }
    if (this.localWorker && stored.processedBy === this.localWorker.id) {
      throw new CrashRefusedError(
        `Job „${id}“ läuft im Worker des Server-Prozesses; abstürzen lassen lässt die Demo nur Worker-Prozesse (npm run worker).`,
      );
    }
    await this.redis.publish(this.keys.crash, id).catch((error: unknown) => {
      throw this.unavailable(error);
    });
    return job;
  }

  /** Removes a waiting job, or asks the worker running it to stop; waits a moment for the outcome. */
  async cancel(id: string): Promise<Job | undefined> {
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      if (this.fair.remove(pending.place)) {
        this.shares.started(pending.place.client);
        this.shares.ended(pending.place.client, pending.place.seconds);
      }
      this.stats.recordFailure();
      const cancelled: Partial<Job> = { state: 'cancelled', failure: 'cancelled', error: cancelledFailure().message };
      this.tracker.end(id, cancelled);
      return { ...pending.job, ...cancelled, finishedAt: new Date().toISOString() };
    }
    const job = await this.job(id);
    if (!job || isFinished(job)) return job;
    let stop: (() => void) | undefined;
    const outcome = new Promise<Job>((resolve) => {
      const timer = setTimeout(() => resolve(this.tracker.latest(id) ?? job), CANCEL_WAIT_MS);
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

  watch(id: string, listener: JobListener, options: WatchOptions = {}): Promise<(() => void) | undefined> {
    return this.tracker.watch(id, listener, options);
  }

  async status(viewer: string): Promise<RunnerStatus> {
    const maxQueue = this.fair.limits.total;
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
        workers: workers.map((worker) => ({
          ...worker,
          running: worker.running.map(({ job, task, client }) => (client === viewer ? { job, task } : { task })),
        })),
        queue: {
          waiting: this.fair.waiting + (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
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

  /** Reads the workers online: their places decide how many jobs go to BullMQ. */
  private async refresh(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    try {
      this.workers = await this.registry.list();
      this.handOver();
    } catch {
      // Redis went away mid-read; the next round tries again.
    }
  }

  /** BullMQ's queue events, from every server and worker on this queue, go to the tracker. */
  private listen(): void {
    const tracker = this.tracker;
    this.events.on('waiting', ({ jobId }) => tracker.receive({ type: 'waiting', jobId }));
    this.events.on('active', ({ jobId }) => tracker.receive({ type: 'active', jobId }));
    this.events.on('progress', ({ jobId, data }) => tracker.receive({ type: 'progress', jobId, data }));
    this.events.on('completed', ({ jobId, returnvalue }) => {
      const returned = returnvalue as unknown as JobReturn;
      this.stats.record(returned.task, returned.durationMs);
      tracker.receive({ type: 'completed', jobId, returned });
    });
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.stats.recordFailure();
      tracker.receive({ type: 'failed', jobId, failedReason });
    });
    this.events.on('removed', ({ jobId }) => tracker.receive({ type: 'removed', jobId }));
  }
}
