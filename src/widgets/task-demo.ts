import { OFFLINE_HINT } from '../shared/demos';
import type {
  ApiError,
  CatalogueResponse,
  ExecuteResponse,
  Job,
  JobCreated,
  StatusResponse,
  TaskDescription,
} from '../shared/tasks';
import { request, serverBase, ServerUnreachableError } from './connection';
import styles from './task-demo.css?inline';
import { adoptStyles, el } from './dom';
import { FormError, ParamForm } from './task-demo-form';
import { scrollRegion } from './task-demo-scroll';
import { SIMULATED_TASKS, SIMULATED_WORKERS, SimulatedRunner } from './task-demo-simulation';
import { shortId, STATE_NAMES, WorkerBoard } from './task-demo-workers';

const RETRY_MS = 10_000;
const POLL_MS = 1_000;
const BATCH = 5;
const RESULT_CHARS = 400;
/** How long an answer may take beyond the task's own time limit (waiting in the queue). */
const QUEUE_ALLOWANCE_MS = 30_000;

type Mode = 'execute' | 'job' | 'workers';

interface Outcome {
  result: unknown;
  durationMs: number;
  worker: string;
}

function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > RESULT_CHARS ? `${text.slice(0, RESULT_CHARS)} … (${text.length} Zeichen)` : text;
}

function withCode(text: string): (Node | string)[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? el('code', {}, part) : part));
}

async function problem(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
  return {
    statusCode: response.status,
    error: body?.error ?? response.statusText,
    message: body?.message ?? `HTTP ${response.status}`,
    field: body?.field,
  };
}

/**
 * `<task-demo server="…" mode="execute|job|workers" task="…">`: the task server's catalogue, a
 * form built from the chosen task's schema, runs "now" (POST /api/execute) or through the queue
 * (a job whose progress streams in), and with mode="workers" which worker runs which job.
 * Without a reachable server it says so within 2 s and plays a labelled simulation instead.
 */
export class TaskDemo extends HTMLElement {
  static observedAttributes = ['server', 'mode'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly badge = el('span', { class: 'badge', hidden: '' }, 'Simulation');
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly select = el('select', { id: 'task' });
  private readonly description = el('p', { class: 'description', id: 'task-description' });
  private readonly paramsSlot = el('div');
  private readonly executeButton = el('button', { type: 'submit' }, 'Jetzt ausführen');
  private readonly queueButton = el('button', { type: 'button', class: 'secondary' }, 'In die Warteschlange');
  private readonly batchButton = el('button', { type: 'button', class: 'secondary' }, `${BATCH} Jobs auf einmal`);
  private readonly progress = el('progress', { max: '1', value: '0', 'aria-label': 'Fortschritt' });
  private readonly progressText = el('span', { class: 'progress-text' });
  private readonly result = el('output', { for: 'task' });
  private readonly worker = el('dd');
  private readonly time = el('dd');
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private readonly board = new WorkerBoard();

  private server = '';
  private live = false;
  private tasks: TaskDescription[] = [];
  private form: ParamForm | undefined;
  private run: AbortController | undefined;
  private readonly simulation = new SimulatedRunner();
  private readonly simulatedRunning = new Map<string, { job: string; task: string }>();
  private retry: ReturnType<typeof setInterval> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  /** Bumped on every (re)connect, so answers to an older attempt are ignored. */
  private attempt = 0;

  constructor() {
    super();
    adoptStyles(this.root, styles);
    const form = el(
      'form',
      { 'aria-label': 'Task ausführen' },
      el('div', { class: 'field' }, el('label', { for: 'task' }, 'Task'), this.select),
      this.description,
      this.paramsSlot,
      el('div', { class: 'actions' }, this.executeButton, this.queueButton, this.batchButton),
    );
    this.select.setAttribute('aria-describedby', 'task-description');
    this.root.append(
      el(
        'div',
        { class: 'demo', role: 'group', 'aria-labelledby': 'title' },
        el('div', { class: 'head' }, el('span', { id: 'title' }, 'Task-Demo'), this.badge, this.status),
        form,
        el(
          'div',
          { class: 'run' },
          el('div', { class: 'progress' }, this.progress, this.progressText),
          el(
            'dl',
            { class: 'outcome', 'aria-live': 'polite' },
            el('dt', {}, 'Ergebnis'),
            el('dd', {}, scrollRegion('result', 'Ergebnis', this.result)),
            el('dt', {}, 'Worker'),
            this.worker,
            el('dt', {}, 'Zeit'),
            this.time,
          ),
          this.error,
          this.board.element,
        ),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.execute();
    });
    this.queueButton.addEventListener('click', () => void this.queue());
    this.batchButton.addEventListener('click', () => void this.queueBatch());
    this.select.addEventListener('change', () => this.showForm());
  }

  private get mode(): Mode | undefined {
    const mode = this.getAttribute('mode');
    return mode === 'execute' || mode === 'job' || mode === 'workers' ? mode : undefined;
  }

  connectedCallback(): void {
    void this.connect();
  }

  disconnectedCallback(): void {
    this.attempt += 1;
    this.run?.abort();
    clearInterval(this.retry);
    clearInterval(this.poll);
    this.retry = this.poll = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.connect();
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    this.server = serverBase(this);
    this.executeButton.hidden = this.mode === 'job';
    this.queueButton.hidden = this.mode === 'execute';
    this.batchButton.hidden = this.board.element.hidden = this.mode !== 'workers';
    this.status.textContent = `Verbinde mit ${this.server} …`;
    try {
      const response = await request(this.server, '/api/tasks');
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const { tasks } = (await response.json()) as CatalogueResponse;
      if (attempt === this.attempt) this.goLive(tasks);
    } catch (error) {
      if (attempt === this.attempt) this.simulate(error);
    }
  }

  private goLive(tasks: TaskDescription[]): void {
    this.live = true;
    clearInterval(this.retry);
    this.retry = undefined;
    this.badge.hidden = true;
    this.status.textContent = `Live: verbunden mit ${this.server}`;
    this.showCatalogue(tasks);
    this.startPolling();
  }

  private simulate(error: unknown): void {
    const reason =
      error instanceof ServerUnreachableError
        ? withCode(OFFLINE_HINT)
        : [`Der Server ${this.server} antwortet nicht wie erwartet (${(error as Error).message}).`];
    this.status.replaceChildren(...reason, ' Gezeigt wird eine Simulation: gerechnet wird im Browser.');
    if (!this.live && this.tasks === SIMULATED_TASKS) return;
    this.live = false;
    this.badge.hidden = false;
    this.showCatalogue(SIMULATED_TASKS);
    this.startPolling();
    this.retry ??= setInterval(() => void this.retryLive(), RETRY_MS);
  }

  private async retryLive(): Promise<void> {
    try {
      if (!(await request(this.server, '/api/status')).ok) return;
    } catch {
      return; // Still unreachable: the simulation goes on.
    }
    await this.connect();
  }

  private showCatalogue(tasks: TaskDescription[]): void {
    const wanted = this.select.value || this.getAttribute('task');
    this.tasks = tasks;
    this.select.replaceChildren(
      ...tasks.map((task) => el('option', { value: task.name }, `${task.title} (${task.name})`)),
    );
    if (wanted && tasks.some((task) => task.name === wanted)) this.select.value = wanted;
    this.showForm();
  }

  private showForm(): void {
    const task = this.currentTask();
    if (!task) return;
    this.description.textContent = `${task.description} Zeitlimit ${task.limits.timeMs / 1000} s.`;
    this.form = new ParamForm(task);
    this.paramsSlot.replaceChildren(this.form.element);
  }

  private currentTask(): TaskDescription | undefined {
    return this.tasks.find((task) => task.name === this.select.value);
  }

  /** Starts a run shown in the widget: the previous one is no longer followed. */
  private begin(): { task: TaskDescription; params: unknown; signal: AbortSignal; started: number } | undefined {
    const task = this.currentTask();
    if (!task || !this.form) return undefined;
    this.form.clearMarks();
    this.error.textContent = '';
    let params: unknown;
    try {
      params = this.form.read();
    } catch (error) {
      if (!(error instanceof FormError)) throw error;
      this.error.textContent = error.message;
      error.input.setAttribute('aria-invalid', 'true');
      error.input.focus();
      return undefined;
    }
    this.run?.abort();
    this.run = new AbortController();
    this.result.textContent = this.worker.textContent = this.time.textContent = '';
    this.progress.removeAttribute('value');
    this.progressText.textContent = 'Läuft …';
    return { task, params, signal: this.run.signal, started: performance.now() };
  }

  private async execute(): Promise<void> {
    const run = this.begin();
    if (!run) return;
    if (!this.live) return this.simulateRun(run.task, run.params, run.signal);
    try {
      const response = await request(
        this.server,
        '/api/execute',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ task: run.task.name, params: run.params }),
          signal: run.signal,
        },
        run.task.limits.timeMs + QUEUE_ALLOWANCE_MS,
      );
      if (!response.ok) return this.fail(await problem(response));
      const answer = (await response.json()) as ExecuteResponse;
      this.finish(answer, Math.round(performance.now() - run.started));
    } catch (error) {
      this.lost(error, run.signal);
    }
  }

  private async queue(): Promise<void> {
    const run = this.begin();
    if (!run) return;
    if (!this.live) return this.simulateRun(run.task, run.params, run.signal);
    try {
      const created = await this.submit(run.task, run.params);
      if (!created) return;
      this.progressText.textContent = `Job ${shortId(created.id)} eingereiht`;
      this.follow(created, run.signal, run.started);
    } catch (error) {
      this.lost(error, run.signal);
    }
  }

  private async queueBatch(): Promise<void> {
    const run = this.begin();
    if (!run) return;
    this.progress.value = 0;
    this.progressText.textContent = `${BATCH} Jobs eingereiht – die Tabelle zeigt, wer sie rechnet.`;
    for (let i = 0; i < BATCH; i++) {
      if (!this.live) {
        void this.simulateRun(run.task, run.params, new AbortController().signal, true);
        continue;
      }
      try {
        const created = await this.submit(run.task, run.params);
        if (!created) return;
        this.board.showJob({ id: created.id, task: run.task.name, state: 'queued', progress: 0, createdAt: '' });
      } catch (error) {
        return this.lost(error, run.signal);
      }
    }
  }

  private async submit(task: TaskDescription, params: unknown): Promise<JobCreated | undefined> {
    const response = await request(this.server, '/api/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ task: task.name, params }),
    });
    if (response.status === 202) return (await response.json()) as JobCreated;
    this.fail(await problem(response));
    return undefined;
  }

  /** Follows a job's events until it ends, or until another run takes over the display. */
  private follow(created: JobCreated, signal: AbortSignal, started: number): void {
    const events = new EventSource(this.server + created.events);
    signal.addEventListener('abort', () => events.close());
    const onEvent = (event: Event) => {
      const job = JSON.parse((event as MessageEvent<string>).data) as Job;
      this.board.showJob(job);
      this.progress.value = job.progress;
      this.progressText.textContent =
        `Job ${shortId(job.id)}: ${STATE_NAMES[job.state]}` +
        (job.worker ? ` auf ${job.worker}` : '') +
        (job.state === 'active' ? ` · ${Math.round(job.progress * 100)} %` : '');
      if (job.state === 'completed') {
        events.close();
        this.finish(
          { result: job.result, durationMs: job.durationMs ?? 0, worker: job.worker ?? '?' },
          Math.round(performance.now() - started),
        );
      } else if (job.state === 'failed' || job.state === 'cancelled') {
        events.close();
        this.fail({ statusCode: 0, error: job.state, message: job.error ?? STATE_NAMES[job.state] });
      }
    };
    for (const type of ['queued', 'active', 'progress', 'completed', 'failed']) events.addEventListener(type, onEvent);
    // EventSource reconnects by itself; only a server that is gone ends the run.
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) return this.lost(new ServerUnreachableError(this.server), signal);
      request(this.server, '/api/status').catch((error: unknown) => {
        events.close();
        this.lost(error, signal);
      });
    });
  }

  private async simulateRun(
    task: TaskDescription,
    params: unknown,
    signal: AbortSignal,
    background = false,
  ): Promise<void> {
    const started = performance.now();
    const job: Job = {
      id: `sim-${Math.random().toString(36).slice(2, 10)}`,
      task: task.name,
      state: 'queued',
      progress: 0,
      createdAt: new Date().toISOString(),
    };
    let worker = '';
    this.board.showJob(job);
    try {
      const outcome = await this.simulation.run(task.name, params, {
        signal,
        onStart: (chosen) => {
          worker = chosen;
          job.state = 'active';
          this.simulatedRunning.set(worker, { job: job.id, task: task.name });
          this.board.showJob({ ...job, worker });
        },
        onProgress: (fraction) => {
          if (!background) {
            this.progress.value = fraction;
            this.progressText.textContent = `Simulation: ${Math.round(fraction * 100)} %`;
          }
          this.board.showJob({ ...job, worker, progress: fraction });
        },
      });
      this.board.showJob({ ...job, state: 'completed', progress: 1, worker });
      if (!background) this.finish(outcome, Math.round(performance.now() - started));
    } catch {
      // Replaced by another run: nothing to show.
    } finally {
      if (this.simulatedRunning.get(worker)?.job === job.id) this.simulatedRunning.delete(worker);
    }
  }

  private finish(outcome: Outcome, roundTripMs: number): void {
    const simulated = this.live ? '' : ' (simuliert)';
    this.progress.value = 1;
    this.progressText.textContent = `Fertig${simulated}`;
    this.result.textContent = showValue(outcome.result) + simulated;
    this.worker.textContent = outcome.worker + simulated;
    const computed = outcome.durationMs.toLocaleString('de-DE');
    this.time.textContent = `${computed} ms gerechnet, Antwort nach ${roundTripMs.toLocaleString('de-DE')} ms${simulated}`;
  }

  private fail(error: ApiError): void {
    this.progress.value = 0;
    this.progressText.textContent = 'Nicht ausgeführt';
    this.error.textContent = error.message;
    const input = this.form?.fieldFor(error.field);
    if (error.statusCode === 400) input?.focus();
  }

  /** A request failed: an unreachable server switches the widget to the simulation. */
  private lost(error: unknown, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.progress.value = 0;
    this.progressText.textContent = 'Nicht ausgeführt';
    if (error instanceof ServerUnreachableError) {
      this.error.textContent = 'Der Server ist nicht mehr erreichbar – weiter geht es mit der Simulation.';
      this.simulate(error);
    } else {
      this.error.textContent = (error as Error).message;
    }
  }

  private startPolling(): void {
    clearInterval(this.poll);
    this.poll = undefined;
    if (this.mode !== 'workers') return;
    void this.refreshWorkers();
    this.poll = setInterval(() => void this.refreshWorkers(), POLL_MS);
  }

  private async refreshWorkers(): Promise<void> {
    if (!this.live) {
      this.board.showWorkers(
        SIMULATED_WORKERS.map((id, index) => {
          const running = this.simulatedRunning.get(id);
          return {
            id,
            host: 'simuliert',
            pid: 1000 + index,
            busy: !!running,
            capacity: 1,
            running: running ? [running] : [],
          };
        }),
        true,
      );
      return;
    }
    try {
      const response = await request(this.server, '/api/status');
      if (!response.ok) return;
      this.board.showWorkers(((await response.json()) as StatusResponse).workers, false);
      for (const id of this.board.pending()) {
        const job = await request(this.server, `/api/jobs/${encodeURIComponent(id)}`);
        if (job.ok) this.board.showJob((await job.json()) as Job);
      }
    } catch (error) {
      if (error instanceof ServerUnreachableError && this.live) this.simulate(error);
    }
  }
}
