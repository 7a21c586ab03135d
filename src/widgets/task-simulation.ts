import catalogue from 'virtual:task-catalogue';
import type { Job, TaskDescription, WorkerInfo } from '../shared/tasks';
import type { Outcome, TaskBackend } from './task-backend';

export const SIMULATED_WORKERS = ['sim-worker-1', 'sim-worker-2'];
const STEP_MS = 100;
const KEPT_JOBS = 50;

const now = () => new Date().toISOString();

/** What the browser can work out itself, for the server's tasks of the same name. */
const COMPUTE: Record<string, (params: never) => unknown> = {
  sum: (numbers: number[]) => numbers.reduce((total, value) => total + value, 0),
  multiplication: (numbers: number[]) => numbers.reduce((total, value) => total * value, 1),
  sort: (numbers: number[]) => [...numbers].sort((a, b) => a - b),
  fibonacci: ({ n }: { n: number }) => {
    let [previous, current] = [0n, 1n];
    for (let i = 0; i < n; i++) [previous, current] = [current, previous + current];
    return previous.toString();
  },
  sleep: ({ ms }: { ms: number }) => ({ sleptMs: ms }),
};

/** The tasks of the server's catalogue (built in at build time) that the browser can play through. */
export function simulatedCatalogue(tasks: TaskDescription[] = catalogue): TaskDescription[] {
  return tasks.filter((task) => task.name in COMPUTE);
}

interface Entry {
  job: Job;
  listeners: Set<(job: Job) => void>;
}

/**
 * Plays tasks through in the browser on two simulated workers, one job at a time each, as a
 * queue would: progress over the task's (simulated) run time, then its result.
 */
export class SimulatedTasks implements TaskBackend {
  readonly simulated = true;
  readonly #jobs = new Map<string, Entry>();
  readonly #queues = new Map<string, Promise<unknown>>();
  #turn = 0;
  #next = 1;

  constructor(private readonly tasks: TaskDescription[] = simulatedCatalogue()) {}

  catalogue(): Promise<TaskDescription[]> {
    return Promise.resolve(this.tasks);
  }

  async execute(task: TaskDescription, params: unknown, signal: AbortSignal): Promise<Outcome> {
    const id = await this.submit(task, params);
    return new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason as Error));
      this.watch(
        id,
        (job) => {
          if (job.state === 'completed')
            resolve({ result: job.result, durationMs: job.durationMs ?? 0, worker: job.worker ?? '' });
          else if (job.state === 'failed') reject(new Error(job.error));
        },
        reject,
        signal,
      );
    });
  }

  submit(task: TaskDescription, params: unknown): Promise<string> {
    const id = `sim-${this.#next++}`;
    const job: Job = { id, task: task.name, state: 'queued', progress: 0, createdAt: now() };
    this.#jobs.set(id, { job, listeners: new Set() });
    const worker = SIMULATED_WORKERS[this.#turn++ % SIMULATED_WORKERS.length]!;
    const done = (this.#queues.get(worker) ?? Promise.resolve()).then(() => this.#play(id, worker, params));
    this.#queues.set(worker, done);
    return Promise.resolve(id);
  }

  watch(id: string, onJob: (job: Job) => void, lost: (error: unknown) => void, signal: AbortSignal): void {
    const entry = this.#jobs.get(id);
    if (!entry) return lost(new Error(`Job ${id} unbekannt`));
    entry.listeners.add(onJob);
    signal.addEventListener('abort', () => entry.listeners.delete(onJob));
    onJob({ ...entry.job });
  }

  workers(): Promise<WorkerInfo[]> {
    return Promise.resolve(
      SIMULATED_WORKERS.map((id, index) => {
        const running = [...this.#jobs.values()]
          .filter(({ job }) => job.state === 'active' && job.worker === id)
          .map(({ job }) => ({ job: job.id, task: job.task }));
        return { id, host: 'simuliert', pid: 1000 + index, busy: running.length > 0, capacity: 1, running };
      }),
    );
  }

  reachable(): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** Keeps the last KEPT_JOBS jobs, so a long lecture does not grow the page's memory. */
  #forgetOld(): void {
    for (const [id, { job }] of this.#jobs) {
      if (this.#jobs.size <= KEPT_JOBS) return;
      if (job.finishedAt) this.#jobs.delete(id);
    }
  }

  #update(id: string, change: Partial<Job>): void {
    const entry = this.#jobs.get(id)!;
    entry.job = { ...entry.job, ...change };
    for (const listener of entry.listeners) listener({ ...entry.job });
  }

  #play(id: string, worker: string, params: unknown): Promise<void> {
    const { task } = this.#jobs.get(id)!.job;
    const durationMs = task === 'sleep' ? (params as { ms: number }).ms : 300 + Math.random() * 500;
    const started = performance.now();
    this.#update(id, { state: 'active', worker, startedAt: now() });
    return new Promise((resolve) => {
      const step = () => {
        const elapsed = performance.now() - started;
        if (elapsed < durationMs) {
          this.#update(id, { progress: elapsed / durationMs });
          setTimeout(step, Math.min(STEP_MS, durationMs - elapsed));
          return;
        }
        try {
          const result = COMPUTE[task]!(params as never);
          const durationMs = Math.round(elapsed);
          this.#update(id, { state: 'completed', progress: 1, result, durationMs, finishedAt: now() });
        } catch (error) {
          this.#update(id, { state: 'failed', error: (error as Error).message, finishedAt: now() });
        }
        this.#forgetOld();
        resolve();
      };
      step();
    });
  }
}
