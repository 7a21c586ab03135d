import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isFinished, type Backend, type Job, type JobEvent, type StatusResponse } from '../../shared/tasks';
import type { Catalogue } from './task-catalogue';
import { JobNotFoundError, TaskFailure } from './errors';
import type { JobListener, WatchOptions } from './job-watchers';

/** A validated request to run a catalogue task. */
export interface TaskCall {
  task: string;
  params: unknown;
  /** Who asks (see `clientKey`): the fair share is counted per client, running jobs show only to it. */
  client: string;
}

/** A queued job and, for the client that created it, the token that cancels it. */
export interface Submitted {
  job: Job;
  cancelToken?: string;
}

/** A generated job id: 128 random bits, so nobody finds another client's job by guessing. */
export function newJobId(): string {
  return randomBytes(16).toString('base64url');
}

export function newCancelToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A client's IP as the runner keeps it: a digest, never the address itself. */
export function clientKey(ip: string): string {
  return createHash('sha256').update(ip).digest('base64url').slice(0, 22);
}

export function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What makes two requests with the same job id the same job. */
export function callFingerprint(call: Pick<TaskCall, 'task' | 'params'>): string {
  return JSON.stringify([call.task, call.params]);
}

export type RunnerStatus = Omit<StatusResponse, 'service' | 'version' | 'uptimeS'>;

/** Where tasks run: worker threads in this process, or worker processes behind a Redis queue. */
export interface TaskRunner {
  readonly backend: Backend;
  readonly catalogue: Catalogue;
  /** Heap limit of a worker thread, for the catalogue's description. */
  readonly memoryMb: number;
  /**
   * Queues a job within the client's fair share (else 429), or 503 when full or unavailable. The
   * same `id` with the same call gives the same job (its token only to the same client), with
   * another call 409.
   */
  submit(call: TaskCall, id?: string): Promise<Submitted>;
  /** Runs a job to its end; a job that does not complete rejects with its TaskFailure. */
  execute(call: TaskCall): Promise<Job>;
  job(id: string): Promise<Job | undefined>;
  /** Whether `token` is the job's cancel token. */
  ownedBy(id: string, token: string): Promise<boolean>;
  cancel(id: string): Promise<Job | undefined>;
  /**
   * Lecture demo: kills the worker running the job (its thread, or its worker process with Redis),
   * so the job runs again elsewhere; 409 when the job is not running or has run MAX_ATTEMPTS times.
   */
  crash(id: string): Promise<Job>;
  /** Calls `listener` with the job's current state now, then with each event; undefined for an unknown job. */
  watch(id: string, listener: JobListener, options?: WatchOptions): Promise<(() => void) | undefined>;
  /** Counts and worker activity; a running job's id only for the client `viewer` whose job it is. */
  status(viewer: string): Promise<RunnerStatus>;
  /** Stops taking jobs; a worker process lets its running jobs finish, the embedded pool ends them. */
  close(): Promise<void>;
}

/** The event that announces a job in its current state to a new listener. */
export function currentEvent(job: Job): JobEvent {
  const type = job.state === 'cancelled' ? 'failed' : job.state;
  return { type, job };
}

/**
 * Waits for the job's end. After `deadlineMs` the job is cancelled and the wait fails as a timeout,
 * so a request never hangs on a job nobody runs; once `signal` aborts, the wait fails with its reason.
 */
export function settle(runner: TaskRunner, id: string, deadlineMs: number, signal?: AbortSignal): Promise<Job> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const end = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abandon);
      unsubscribe?.();
      outcome();
    };
    const timer = setTimeout(
      () =>
        end(() => {
          runner.cancel(id).catch(() => undefined);
          reject(
            new TaskFailure(
              'timeout',
              `Job „${id}“ wurde nicht innerhalb von ${deadlineMs} ms fertig und abgebrochen.`,
            ),
          );
        }),
      deadlineMs,
    );
    // The backend went away (Redis): the job may still finish, but this request does not wait.
    const abandon = () => end(() => reject(signal?.reason));
    signal?.addEventListener('abort', abandon, { once: true });
    if (signal?.aborted) abandon();
    runner
      .watch(
        id,
        ({ job }) => {
          if (!isFinished(job)) return;
          end(() =>
            job.state === 'completed'
              ? resolve(job)
              : reject(new TaskFailure(job.failure ?? 'error', job.error ?? 'Der Job ist fehlgeschlagen.')),
          );
        },
        { finishOnly: true },
      )
      .then(
        (stop) => {
          if (!stop) end(() => reject(new JobNotFoundError(id)));
          else if (settled) stop();
          else unsubscribe = stop;
        },
        (error: unknown) => end(() => reject(error)),
      );
  });
}
