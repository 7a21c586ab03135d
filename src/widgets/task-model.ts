import { OFFLINE_HINT, type DemoJob, type DemoWorker, type TaskDemoState, type TaskRun } from '../shared/demos';
import type { Job, JobState, TaskDescription, WorkerInfo } from '../shared/tasks';
import { ServerUnreachableError } from './connection';
import { ApiProblem, type Outcome, type TaskBackend } from './task-backend';
import { exampleInputs, fieldOf, InputError, readParams } from './task-params';

export type TaskDemoMode = 'execute' | 'job' | 'workers';

export const BATCH = 5;
/** Jobs listed: a batch and no more, so every row fits. */
const RECENT_JOBS = BATCH;
const RESULT_CHARS = 400;
const RETRY_MS = 10_000;
const POLL_MS = 1_000;

export const STATE_NAMES: Record<JobState, string> = {
  queued: 'wartet',
  active: 'läuft',
  completed: 'fertig',
  failed: 'fehlgeschlagen',
  cancelled: 'abgebrochen',
};

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > RESULT_CHARS ? `${text.slice(0, RESULT_CHARS)} … (${text.length} Zeichen)` : text;
}

function jobLine(job: DemoJob): string {
  return (
    `Job ${shortId(job.id)}: ${STATE_NAMES[job.state]}` +
    (job.worker ? ` auf ${job.worker}` : '') +
    (job.state === 'active' ? ` · ${Math.round(job.progress * 100)} %` : '')
  );
}

function demoJob({ id, task, state, progress, worker }: Job): DemoJob {
  return { id, task, state, progress, ...(worker ? { worker } : {}) };
}

export interface TaskModelOptions {
  server: string;
  live: TaskBackend;
  simulated: TaskBackend;
  mode: TaskDemoMode;
  /** The task to show first, if the catalogue has it. */
  task: string | null;
  onChange(state: TaskDemoState): void;
}

/**
 * The task demo as data: the chosen task and its inputs, the run shown, the recent jobs and the
 * workers, from the live backend or, when the server cannot be reached, the simulated one.
 * The worker table and the job lines come from the same job events, so they always agree.
 */
export class TaskDemoModel {
  #state: TaskDemoState;
  #backend: TaskBackend;
  #tasks: TaskDescription[] = [];
  readonly #jobs = new Map<string, DemoJob>();
  #serverWorkers: WorkerInfo[] | null = null;
  /** The run shown; aborted when another takes over. */
  #run = new AbortController();
  /** Everything followed; aborted on reset. */
  #watching = new AbortController();
  #retry: ReturnType<typeof setInterval> | undefined;
  #poll: ReturnType<typeof setInterval> | undefined;
  #attempt = 0;

  constructor(private readonly options: TaskModelOptions) {
    this.#backend = options.live;
    this.#state = {
      demo: 'task',
      connection: 'connecting',
      status: `Verbinde mit ${options.server} …`,
      task: options.task ?? '',
      inputs: {},
      run: null,
      error: '',
      errorField: null,
      jobs: [],
      workers: null,
    };
  }

  get state(): TaskDemoState {
    return this.#state;
  }

  get tasks(): TaskDescription[] {
    return this.#tasks;
  }

  get task(): TaskDescription | undefined {
    return this.#tasks.find((task) => task.name === this.#state.task);
  }

  async start(): Promise<void> {
    const attempt = ++this.#attempt;
    try {
      const tasks = await this.options.live.catalogue();
      if (attempt !== this.#attempt) return;
      clearInterval(this.#retry);
      this.#retry = undefined;
      this.#use(this.options.live, tasks, `Live: verbunden mit ${this.options.server}`);
    } catch (error) {
      if (attempt === this.#attempt) await this.#simulate(error);
    }
  }

  dispose(): void {
    this.#attempt += 1;
    this.#run.abort();
    this.#watching.abort();
    clearInterval(this.#retry);
    clearInterval(this.#poll);
    this.#retry = this.#poll = undefined;
  }

  select(name: string): void {
    const task = this.#tasks.find((candidate) => candidate.name === name);
    if (!task) return;
    this.#set({ task: name, inputs: exampleInputs(task), error: '', errorField: null });
  }

  input(name: string, value: string | boolean): void {
    this.#set({ inputs: { ...this.#state.inputs, [name]: value } });
  }

  /** Back to the start: the example inputs, no run, no jobs. */
  reset(): void {
    this.#watching.abort();
    this.#watching = new AbortController();
    this.#run.abort();
    this.#jobs.clear();
    const task = this.task;
    this.#set({
      inputs: task ? exampleInputs(task) : {},
      run: null,
      error: '',
      errorField: null,
      jobs: [],
      workers: this.#workers(),
    });
  }

  async execute(): Promise<void> {
    const begun = this.#begin('execute');
    if (!begun) return;
    const { task, params, signal, started } = begun;
    try {
      const outcome = await this.#backend.execute(task, params, signal);
      if (!signal.aborted) this.#finish(outcome, performance.now() - started);
    } catch (error) {
      this.#failed(error, signal);
    }
  }

  async queue(): Promise<void> {
    const begun = this.#begin('job');
    if (!begun) return;
    const { task, params, signal, started } = begun;
    try {
      const id = await this.#backend.submit(task, params);
      if (signal.aborted) return;
      this.#setRun({ job: id, line: `Job ${shortId(id)} eingereiht` });
      this.#watch(id, task, (job) => {
        if (signal.aborted) return;
        if (job.state === 'completed') {
          this.#finish(
            { result: job.result, durationMs: job.durationMs ?? 0, worker: job.worker ?? '?' },
            performance.now() - started,
          );
        } else if (job.state === 'failed' || job.state === 'cancelled') {
          this.#fail(job.error ?? STATE_NAMES[job.state], null);
        } else {
          this.#setRun({ progress: job.state === 'active' ? job.progress : null, line: jobLine(demoJob(job)) });
        }
      });
    } catch (error) {
      this.#failed(error, signal);
    }
  }

  async queueBatch(): Promise<void> {
    const begun = this.#begin('batch');
    if (!begun) return;
    const { task, params, signal } = begun;
    const ids: string[] = [];
    const count = () => {
      const done = ids.filter((id) => this.#jobs.get(id)?.state === 'completed').length;
      this.#setRun({
        progress: done / BATCH,
        phase: done === BATCH ? 'done' : 'running',
        line: `${done} von ${BATCH} Jobs fertig – die Tabelle zeigt, wer sie rechnet.`,
      });
    };
    try {
      for (let i = 0; i < BATCH; i++) {
        const id = await this.#backend.submit(task, params);
        ids.push(id);
        this.#watch(id, task, () => !signal.aborted && count());
      }
    } catch (error) {
      this.#failed(error, signal);
    }
  }

  async #simulate(error: unknown): Promise<void> {
    const reason =
      error instanceof ServerUnreachableError
        ? OFFLINE_HINT
        : `Der Server ${this.options.server} antwortet nicht wie erwartet (${(error as Error).message}).`;
    const status = `${reason} Gezeigt wird eine Simulation: gerechnet wird im Browser.`;
    this.#retry ??= setInterval(() => void this.#retryLive(), RETRY_MS);
    if (this.#backend === this.options.simulated) return this.#set({ status });
    this.#use(this.options.simulated, await this.options.simulated.catalogue(), status);
  }

  async #retryLive(): Promise<void> {
    if (await this.options.live.reachable()) await this.start();
  }

  #use(backend: TaskBackend, tasks: TaskDescription[], status: string): void {
    const switched = backend !== this.#backend || this.#tasks.length === 0;
    this.#backend = backend;
    this.#tasks = tasks;
    const keep = tasks.find((task) => task.name === this.#state.task);
    const task = keep ?? tasks[0];
    this.#set({
      connection: backend.simulated ? 'simulated' : 'live',
      status,
      task: task?.name ?? '',
      inputs: keep && Object.keys(this.#state.inputs).length > 0 ? this.#state.inputs : task ? exampleInputs(task) : {},
    });
    if (switched) this.#startPolling();
  }

  /** Starts a run shown in the widget: the previous one is no longer followed. */
  #begin(
    kind: TaskRun['kind'],
  ): { task: TaskDescription; params: unknown; signal: AbortSignal; started: number } | undefined {
    const task = this.task;
    if (!task || this.#state.connection === 'connecting') return undefined;
    let params: unknown;
    try {
      params = readParams(task, this.#state.inputs);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.#set({ error: error.message, errorField: error.field });
      return undefined;
    }
    this.#run.abort();
    this.#run = new AbortController();
    this.#set({
      error: '',
      errorField: null,
      run: { kind, phase: 'running', progress: kind === 'batch' ? 0 : null, line: 'Läuft …' },
    });
    return { task, params, signal: this.#run.signal, started: performance.now() };
  }

  #watch(id: string, task: TaskDescription, then: (job: Job) => void): void {
    this.#remember({ id, task: task.name, state: 'queued', progress: 0 });
    this.#backend.watch(
      id,
      (job) => {
        // A job pushed off the list by newer ones is no longer shown.
        if (this.#jobs.has(id)) this.#remember(demoJob(job));
        then(job);
      },
      (error) => this.#failed(error, this.#watching.signal),
      this.#watching.signal,
    );
  }

  #remember(job: DemoJob): void {
    const known = this.#jobs.get(job.id);
    if (known) Object.assign(known, job);
    else this.#jobs.set(job.id, job);
    while (this.#jobs.size > RECENT_JOBS) this.#jobs.delete(this.#jobs.keys().next().value!);
    // One change for both, so that no state shows a job running on a worker listed as free.
    this.#set({ jobs: [...this.#jobs.values()].reverse().map((recent) => ({ ...recent })), workers: this.#workers() });
  }

  #finish(outcome: Outcome, roundTripMs: number): void {
    const simulated = this.#backend.simulated ? ' (simuliert)' : '';
    const computed = outcome.durationMs.toLocaleString('de-DE');
    this.#setRun({
      phase: 'done',
      progress: 1,
      line: `Fertig${simulated}`,
      result: showValue(outcome.result) + simulated,
      worker: outcome.worker + simulated,
      time:
        `${computed} ms gerechnet, Antwort nach ${Math.round(roundTripMs).toLocaleString('de-DE')} ms` +
        (outcome.instance ? ` von ${outcome.instance}` : '') +
        simulated,
    });
  }

  #fail(message: string, field: string | null): void {
    this.#setRun({ phase: 'failed', progress: 0, line: 'Nicht ausgeführt' });
    this.#set({ error: message, errorField: field });
  }

  /** A request failed: an unreachable server switches the demo to the simulation. */
  #failed(error: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    if (error instanceof ApiProblem) {
      const task = this.task;
      return this.#fail(error.message, (task && fieldOf(task, error.problem.field)) ?? null);
    }
    if (error instanceof ServerUnreachableError) {
      this.#fail('Der Server ist nicht mehr erreichbar – weiter geht es mit der Simulation.', null);
      void this.#simulate(error);
      return;
    }
    this.#fail((error as Error).message, null);
  }

  #startPolling(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
    this.#serverWorkers = null;
    if (this.options.mode !== 'workers') return this.#set({ workers: null });
    void this.#refreshWorkers();
    this.#poll = setInterval(() => void this.#refreshWorkers(), POLL_MS);
  }

  async #refreshWorkers(): Promise<void> {
    const backend = this.#backend;
    try {
      const workers = await backend.workers();
      if (backend !== this.#backend) return;
      this.#serverWorkers = workers;
      const shown = this.#workers();
      if (JSON.stringify(shown) !== JSON.stringify(this.#state.workers)) this.#set({ workers: shown });
    } catch (error) {
      if (error instanceof ServerUnreachableError && !backend.simulated) void this.#simulate(error);
    }
  }

  /** The server's workers, running what our job events say, plus jobs of others the server reports. */
  #workers(): DemoWorker[] | null {
    return (
      this.#serverWorkers?.map((worker) => ({
        id: worker.id,
        host: worker.host,
        pid: worker.pid,
        running: [
          ...[...this.#jobs.values()]
            .filter((job) => job.state === 'active' && job.worker === worker.id)
            .map((job) => ({ job: job.id, task: job.task })),
          ...worker.running.filter((running) => running.job === undefined || !this.#jobs.has(running.job)),
        ],
      })) ?? null
    );
  }

  #setRun(change: Partial<TaskRun>): void {
    if (this.#state.run) this.#set({ run: { ...this.#state.run, ...change } });
  }

  #set(change: Partial<TaskDemoState>): void {
    this.#state = { ...this.#state, ...change };
    this.options.onChange(this.#state);
  }
}
