import { isFinished, type Job, type JobEventType } from '../../shared/tasks';
import { JobWatchers, type JobListener, type WatchOptions } from './job-watchers';
import { decodeFailure, type JobReturn } from './redis-queue';
import { currentEvent } from './runner';

/** What the queue's event stream says about a job (BullMQ's QueueEvents, one instance or many). */
export type QueueEvent =
  | { type: 'waiting' | 'active' | 'removed'; jobId: string }
  | { type: 'progress'; jobId: string; data: unknown }
  | { type: 'completed'; jobId: string; returned: JobReturn }
  | { type: 'failed'; jobId: string; failedReason: string | undefined };

export interface JobTrackerOptions<P> {
  /** The job as stored now (e.g. read from Redis), or undefined when it is unknown. */
  load(id: string): Promise<Job | undefined>;
  /** A job this server handed to the queue ended: its worker place is free again. */
  release(place: P): void;
  now?: () => Date;
}

interface Tracked {
  job: Job;
  /** Events of one job are applied in order, even when one needs a read first. */
  chain: Promise<void>;
  /** Kept even once finished: `execute` is about to watch it (it may finish before the add returns). */
  held: boolean;
}

export function completedPatch(returned: JobReturn): Partial<Job> {
  return {
    state: 'completed',
    progress: 1,
    result: returned.value,
    durationMs: returned.durationMs,
    worker: returned.worker,
  };
}

export function failedPatch(reason: string | undefined): Partial<Job> {
  const failure = decodeFailure(reason);
  return {
    state: failure.kind === 'cancelled' ? 'cancelled' : 'failed',
    error: failure.message,
    failure: failure.kind,
  };
}

/**
 * The job states of a queue-backed runner, without the queue: queue events in, job states out
 * to the watchers. A job is followed from its creation on this server or from its first watcher,
 * until it is finished and nobody watches it any more. Jobs this server handed to the queue hold
 * a worker place (`P`) until their end is heard.
 */
export class JobTracker<P> {
  readonly #tracked = new Map<string, Tracked>();
  readonly #watchers = new JobWatchers();
  readonly #handedOver = new Map<string, P>();
  readonly #now: () => Date;

  constructor(private readonly options: JobTrackerOptions<P>) {
    this.#now = options.now ?? (() => new Date());
  }

  /** A job created on this server; `held` keeps its end until a watcher comes (`execute`). */
  created(job: Job, held: boolean): void {
    if (this.#tracked.has(job.id)) return;
    this.#tracked.set(job.id, { job, chain: Promise.resolve(), held });
  }

  /** The job went to the queue and holds `place` until it ends. */
  handedOver(id: string, place: P): void {
    this.#handedOver.set(id, place);
  }

  /** How many jobs this server gave to the queue that have not ended. */
  get inQueue(): number {
    return this.#handedOver.size;
  }

  /** Frees a handed-over job's place (its end was heard, or it never reached the queue). */
  release(id: string): void {
    const place = this.#handedOver.get(id);
    if (place === undefined) return;
    this.#handedOver.delete(id);
    this.options.release(place);
  }

  /** After the queue was away: handed-over jobs whose end went unheard free their places. */
  async reconcile(): Promise<void> {
    for (const id of [...this.#handedOver.keys()]) {
      const job = await this.options.load(id).catch(() => undefined);
      if (!job || isFinished(job)) this.release(id);
    }
  }

  /** The latest state known here, if the job is followed. */
  latest(id: string): Job | undefined {
    return this.#tracked.get(id)?.job;
  }

  receive(event: QueueEvent): void {
    const { jobId } = event;
    switch (event.type) {
      case 'waiting':
        return this.#apply(jobId, 'queued', () => ({ state: 'queued', worker: undefined, startedAt: undefined }));
      case 'active':
        return this.#apply(jobId, 'active', async () => {
          // Only a watcher cares which worker took the job: read it just then.
          if (!this.#watchers.followed(jobId)) return { state: 'active', startedAt: this.#stamp() };
          const stored = await this.options.load(jobId).catch(() => undefined);
          return { state: 'active', startedAt: stored?.startedAt, worker: stored?.worker };
        });
      case 'progress':
        return this.#apply(jobId, 'progress', () => ({ progress: typeof event.data === 'number' ? event.data : 0 }));
      case 'completed':
        this.release(jobId);
        return this.#apply(jobId, 'completed', () => ({
          ...completedPatch(event.returned),
          finishedAt: this.#stamp(),
        }));
      case 'failed':
        this.release(jobId);
        return this.#apply(jobId, 'failed', () => ({ ...failedPatch(event.failedReason), finishedAt: this.#stamp() }));
      case 'removed':
        this.release(jobId);
        return this.#apply(jobId, 'failed', () => ({
          state: 'cancelled',
          failure: 'cancelled',
          error: 'Der Job wurde abgebrochen, bevor ein Worker ihn übernahm.',
        }));
    }
  }

  /** The runner itself ended the job (cancelled while waiting here, refused by the queue). */
  end(id: string, patch: Partial<Job>): void {
    this.#apply(id, 'failed', () => ({ finishedAt: this.#stamp(), ...patch }));
  }

  /**
   * Calls `listener` with the job's current state, then with each event; undefined for a job
   * neither followed here nor stored.
   */
  async watch(id: string, listener: JobListener, options: WatchOptions = {}): Promise<(() => void) | undefined> {
    const tracked = this.#track(id);
    if (!options.finishOnly && tracked.job.state === 'active' && !tracked.job.worker) {
      // Nobody watched when it started: learn now which worker took it.
      this.#apply(id, 'active', async () => ({ worker: (await this.options.load(id).catch(() => undefined))?.worker }));
    }
    await tracked.chain;
    if (this.#tracked.get(id) !== tracked) return undefined;
    listener(currentEvent(tracked.job));
    const stop = this.#watchers.add(id, listener, options);
    tracked.held = false;
    return () => {
      stop();
      this.#forgetIfDone(id);
    };
  }

  /** How many jobs are followed (finished ones only while held or watched). */
  get size(): number {
    return this.#tracked.size;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  #track(id: string): Tracked {
    const existing = this.#tracked.get(id);
    if (existing) return existing;
    const placeholder: Job = { id, task: '', state: 'queued', progress: 0, createdAt: this.#stamp() };
    const tracked: Tracked = { job: placeholder, chain: Promise.resolve(), held: false };
    this.#tracked.set(id, tracked);
    tracked.chain = this.options.load(id).then(
      (job) => {
        if (job) tracked.job = job;
        else this.#tracked.delete(id);
      },
      () => void this.#tracked.delete(id),
    );
    return tracked;
  }

  #forgetIfDone(id: string): void {
    const tracked = this.#tracked.get(id);
    if (tracked && !tracked.held && isFinished(tracked.job) && !this.#watchers.has(id)) this.#tracked.delete(id);
  }

  #apply(id: string, type: JobEventType, patch: () => Promise<Partial<Job>> | Partial<Job>): void {
    const tracked = this.#tracked.get(id);
    if (!tracked) return;
    tracked.chain = tracked.chain.then(async () => {
      if (isFinished(tracked.job)) return;
      tracked.job = { ...tracked.job, ...(await patch()) };
      this.#watchers.emit({ type, job: tracked.job });
      this.#forgetIfDone(id);
    });
  }
}
