import { isFinished, type Backend, type Job, type JobEvent, type StatusResponse } from '../../shared/tasks';
import type { Catalogue } from './task-catalogue';
import { JobNotFoundError, TaskFailure } from './errors';
import type { JobListener, WatchOptions } from './job-watchers';

/** A validated request to run a catalogue task. */
export interface TaskCall {
  task: string;
  params: unknown;
}

export type RunnerStatus = Omit<StatusResponse, 'service' | 'version' | 'uptimeS'>;

/** Where tasks run: worker threads in this process, or worker processes behind a Redis queue. */
export interface TaskRunner {
  readonly backend: Backend;
  readonly catalogue: Catalogue;
  /** Heap limit of a worker thread, for the catalogue's description. */
  readonly memoryMb: number;
  /** Queues a job; the same `id` twice gives the same job. Throws 503 errors when full or unavailable. */
  submit(call: TaskCall, id?: string): Promise<Job>;
  /** Runs a job to its end; a job that does not complete rejects with its TaskFailure. */
  execute(call: TaskCall): Promise<Job>;
  job(id: string): Promise<Job | undefined>;
  cancel(id: string): Promise<Job | undefined>;
  /** Calls `listener` with the job's current state now, then with each event; undefined for an unknown job. */
  watch(id: string, listener: JobListener, options?: WatchOptions): Promise<(() => void) | undefined>;
  status(): Promise<RunnerStatus>;
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
 * so a request never hangs on a job nobody runs.
 */
export function settle(runner: TaskRunner, id: string, deadlineMs: number): Promise<Job> {
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    let settled = false;
    const end = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
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
