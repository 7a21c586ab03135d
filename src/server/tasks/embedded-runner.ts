import { hostname } from 'node:os';
import { isFinished, type Job, type JobEventType } from '../../shared/tasks';
import type { Catalogue } from './task-catalogue';
import { MAX_ATTEMPTS } from '../../shared/teach';
import { cancelledFailure, CrashRefusedError, JobConflictError, JobNotFoundError, type TaskFailure } from './errors';
import { DEFAULT_FAIR_SHARE, FairQueue, type FairShareLimits, type Place } from './fair-share';
import { JobWatchers, type JobListener, type WatchOptions } from './job-watchers';
import {
  callFingerprint,
  currentEvent,
  newCancelToken,
  newJobId,
  sameToken,
  settle,
  type RunnerStatus,
  type Submitted,
  type TaskCall,
  type TaskRunner,
} from './runner';
import { TaskStats } from './stats';
import { ThreadPool, type ThreadPoolOptions } from './thread-pool';

export interface EmbeddedRunnerOptions extends ThreadPoolOptions {
  /** Finished jobs kept for `GET /api/jobs/:id`. */
  retainJobs?: number;
  /** How long `execute` waits for a free thread on top of the task's time limit. */
  queueWaitMs?: number;
  /** Each client's share of the threads and the queue. */
  share?: Partial<FairShareLimits>;
}

interface Entry {
  job: Job;
  call: TaskCall;
  controller: AbortController;
  cancelToken: string;
  fingerprint: string;
  place: Place<Entry>;
  /** Its thread was killed on purpose: the job goes back to the queue instead of failing. */
  crashed: boolean;
}

function threadName(thread: number): string {
  return `thread-${thread}`;
}

/**
 * The default backend: jobs run on worker threads of this process and live in its memory. They
 * wait in a fair queue and go to the pool only when a thread is free.
 */
export class EmbeddedRunner implements TaskRunner {
  readonly backend = 'embedded' as const;
  readonly memoryMb: number;
  private readonly pool: ThreadPool;
  private readonly queue: FairQueue<Entry>;
  private running = 0;
  private readonly entries = new Map<string, Entry>();
  private readonly finishedIds: string[] = [];
  private readonly watchers = new JobWatchers();
  private readonly stats = new TaskStats();
  private readonly host = hostname();

  constructor(
    readonly catalogue: Catalogue,
    private readonly options: EmbeddedRunnerOptions = {},
  ) {
    this.pool = new ThreadPool(catalogue, options);
    this.memoryMb = this.pool.memoryMb;
    this.queue = new FairQueue({ ...DEFAULT_FAIR_SHARE, ...options.share });
  }

  async submit(call: TaskCall, id?: string): Promise<Submitted> {
    const existing = id === undefined ? undefined : this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== callFingerprint(call)) throw new JobConflictError(existing.job.id);
      return existing.call.client === call.client
        ? { job: existing.job, cancelToken: existing.cancelToken }
        : { job: existing.job };
    }
    const task = this.catalogue.check(call.task, call.params);
    const jobId = id ?? newJobId();
    const entry = {
      job: { id: jobId, task: call.task, state: 'queued', progress: 0, createdAt: new Date().toISOString() },
      call,
      controller: new AbortController(),
      cancelToken: newCancelToken(),
      fingerprint: callFingerprint(call),
      crashed: false,
    } as Entry;
    entry.place = this.queue.enqueue(call.client, entry, this.catalogue.workSeconds(task, call.params));
    this.entries.set(jobId, entry);
    this.watchers.emit({ type: 'queued', job: entry.job });
    this.startWaiting();
    return { job: entry.job, cancelToken: entry.cancelToken };
  }

  /** Hands waiting jobs to free threads, in the fair queue's order. */
  private startWaiting(): void {
    const threads = this.pool.threadCount;
    for (const place of this.queue.take(threads - this.running, threads)) {
      this.running++;
      void this.run(place.item).finally(() => {
        this.running--;
        this.queue.finished(place);
        this.startWaiting();
      });
    }
  }

  private run(entry: Entry): Promise<void> {
    const { job, call } = entry;
    return this.pool
      .run(
        { jobId: job.id, task: call.task, params: call.params },
        {
          signal: entry.controller.signal,
          onStart: (thread) =>
            this.update(entry, 'active', {
              state: 'active',
              startedAt: new Date().toISOString(),
              worker: threadName(thread),
              attempts: (entry.job.attempts ?? 0) + 1,
            }),
          onProgress: (fraction) => this.update(entry, 'progress', { progress: fraction }),
        },
      )
      .then(
        (result) => {
          this.stats.record(call.task, result.durationMs);
          this.finish(entry, {
            state: 'completed',
            progress: 1,
            result: result.value,
            // The start message may arrive after the result: the two travel on different ports.
            startedAt: entry.job.startedAt ?? new Date(result.startedAt).toISOString(),
            durationMs: result.durationMs,
            worker: threadName(result.thread),
          });
        },
        (failure: TaskFailure) => {
          if (entry.crashed) {
            this.redeliver(entry);
            return;
          }
          this.stats.recordFailure();
          this.finish(entry, {
            state: failure.kind === 'cancelled' ? 'cancelled' : 'failed',
            error: failure.message,
            failure: failure.kind,
          });
        },
      );
  }

  async execute(call: TaskCall): Promise<Job> {
    const { job } = await this.submit(call);
    const limit = this.catalogue.get(call.task)?.timeLimitMs ?? 0;
    return settle(this, job.id, limit + (this.options.queueWaitMs ?? 30_000));
  }

  async job(id: string): Promise<Job | undefined> {
    return this.entries.get(id)?.job;
  }

  async ownedBy(id: string, token: string): Promise<boolean> {
    const entry = this.entries.get(id);
    return entry !== undefined && sameToken(token, entry.cancelToken);
  }

  async cancel(id: string): Promise<Job | undefined> {
    const entry = this.entries.get(id);
    if (!entry || isFinished(entry.job)) return entry?.job;
    if (this.queue.remove(entry.place)) {
      this.stats.recordFailure();
      this.finish(entry, { state: 'cancelled', failure: 'cancelled', error: cancelledFailure().message });
      return entry.job;
    }
    await new Promise<void>((resolve) => {
      const stop = this.watchers.add(id, ({ job }) => {
        if (!isFinished(job)) return;
        stop();
        resolve();
      });
      entry.controller.abort();
    });
    return entry.job;
  }

  async crash(id: string): Promise<Job> {
    const entry = this.entries.get(id);
    if (!entry) throw new JobNotFoundError(id);
    const { job } = entry;
    if (job.state !== 'active' || entry.crashed) {
      throw new CrashRefusedError(
        `Job „${id}“ läuft gerade nicht (Zustand ${job.state}): Es gibt keinen Worker, der abstürzen könnte.`,
      );
    }
    if ((job.attempts ?? 1) >= MAX_ATTEMPTS) {
      throw new CrashRefusedError(
        `Job „${id}“ hat schon ${MAX_ATTEMPTS} Versuche hinter sich; öfter lässt die Demo ihn nicht abstürzen.`,
      );
    }
    entry.crashed = true;
    // Aborting a running call makes piscina terminate its thread and start a fresh one.
    entry.controller.abort();
    return job;
  }

  /** At least once: a job whose worker died goes back into the queue, as a message without ack would. */
  private redeliver(entry: Entry): void {
    entry.crashed = false;
    entry.controller = new AbortController();
    const crashedOn = entry.job.worker;
    try {
      entry.place = this.queue.enqueue(
        entry.call.client,
        entry,
        this.catalogue.workSeconds(this.catalogue.check(entry.call.task, entry.call.params), entry.call.params),
      );
    } catch (error) {
      this.stats.recordFailure();
      this.finish(entry, {
        state: 'failed',
        failure: 'error',
        error: `Worker ${crashedOn ?? ''} ist abgestürzt; ${(error as Error).message}`,
      });
      return;
    }
    this.update(entry, 'queued', { state: 'queued', progress: 0, worker: undefined, startedAt: undefined });
  }

  async watch(id: string, listener: JobListener, options?: WatchOptions): Promise<(() => void) | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    listener(currentEvent(entry.job));
    return this.watchers.add(id, listener, options);
  }

  async status(viewer: string): Promise<RunnerStatus> {
    const threads = this.pool.threads();
    return {
      backend: this.backend,
      available: true,
      workers: threads.map(({ thread, running }) => ({
        id: threadName(thread),
        host: this.host,
        pid: process.pid,
        busy: running !== undefined,
        capacity: 1,
        running: running
          ? [this.entries.get(running.job)?.call.client === viewer ? running : { task: running.task }]
          : [],
      })),
      queue: {
        waiting: this.queue.waiting,
        active: threads.filter(({ running }) => running).length,
        limit: this.queue.limits.total,
      },
      jobs: { done: this.stats.done, failed: this.stats.failed },
      latency: this.stats.latency(),
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private update(entry: Entry, type: JobEventType, patch: Partial<Job>): void {
    entry.job = { ...entry.job, ...patch };
    this.watchers.emit({ type, job: entry.job });
  }

  private finish(entry: Entry, patch: Partial<Job>): void {
    this.update(entry, patch.state === 'completed' ? 'completed' : 'failed', {
      ...patch,
      finishedAt: new Date().toISOString(),
    });
    this.finishedIds.push(entry.job.id);
    if (this.finishedIds.length > (this.options.retainJobs ?? 1_000)) {
      this.entries.delete(this.finishedIds.shift() ?? '');
    }
  }
}
