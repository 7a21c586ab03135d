import type {
  ApiError,
  CatalogueResponse,
  ExecuteResponse,
  Job,
  JobCreated,
  StatusResponse,
  TaskDescription,
  WorkerInfo,
} from '../shared/tasks';
import { JOB_EVENT_TYPES } from '../shared/tasks';
import { request, ServerUnreachableError } from './connection';

/** How long an answer may take beyond the task's own time limit (waiting in the queue). */
const QUEUE_ALLOWANCE_MS = 30_000;

export interface Outcome {
  result: unknown;
  durationMs: number;
  worker: string;
  /** The server instance that answered (`X-Instance`), behind a load balancer one of several. */
  instance?: string;
}

/** The server said no: its German reason, and the field it names. */
export class ApiProblem extends Error {
  constructor(readonly problem: ApiError) {
    super(problem.message);
  }
}

/**
 * Where the task demo's runs go: the task server (LiveTasks) or the browser (SimulatedTasks).
 * Both answer alike; an unreachable server throws ServerUnreachableError, a refusal ApiProblem.
 */
export interface TaskBackend {
  readonly simulated: boolean;
  catalogue(): Promise<TaskDescription[]>;
  execute(task: TaskDescription, params: unknown, signal: AbortSignal): Promise<Outcome>;
  /** Queues a job and returns its id. */
  submit(task: TaskDescription, params: unknown): Promise<string>;
  /** Reports the job's states until it ends; `lost` when it can no longer be followed. */
  watch(id: string, onJob: (job: Job) => void, lost: (error: unknown) => void, signal: AbortSignal): void;
  workers(): Promise<WorkerInfo[]>;
  /** Whether the server answers again (a simulation never does). */
  reachable(): Promise<boolean>;
}

async function problem(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
  const retry = response.status === 429 ? response.headers.get('retry-after') : null;
  const message = body?.message ?? `HTTP ${response.status}`;
  return new ApiProblem({
    statusCode: response.status,
    error: body?.error ?? response.statusText,
    message: retry ? `${message} Bitte in ${retry} s noch einmal.` : message,
    field: body?.field,
  });
}

/** The task server over HTTP, with a job's progress as Server-Sent Events. */
export class LiveTasks implements TaskBackend {
  readonly simulated = false;

  constructor(readonly server: string) {}

  async catalogue(): Promise<TaskDescription[]> {
    const response = await request(this.server, '/api/tasks');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as CatalogueResponse).tasks;
  }

  async execute(task: TaskDescription, params: unknown, signal: AbortSignal): Promise<Outcome> {
    const response = await request(
      this.server,
      '/api/execute',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(task, params), signal },
      task.limits.timeMs + QUEUE_ALLOWANCE_MS,
    );
    if (!response.ok) throw await problem(response);
    const { result, durationMs, worker } = (await response.json()) as ExecuteResponse;
    const instance = response.headers.get('x-instance') ?? undefined;
    return { result, durationMs, worker, ...(instance ? { instance } : {}) };
  }

  async submit(task: TaskDescription, params: unknown): Promise<string> {
    const response = await request(this.server, '/api/jobs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body(task, params),
    });
    if (response.status !== 202) throw await problem(response);
    return ((await response.json()) as JobCreated).id;
  }

  watch(id: string, onJob: (job: Job) => void, lost: (error: unknown) => void, signal: AbortSignal): void {
    const events = new EventSource(`${this.server}/api/jobs/${encodeURIComponent(id)}/events`);
    signal.addEventListener('abort', () => events.close());
    const onEvent = (event: Event) => {
      const job = JSON.parse((event as MessageEvent<string>).data) as Job;
      if (job.state !== 'queued' && job.state !== 'active') events.close();
      onJob(job);
    };
    for (const type of [...JOB_EVENT_TYPES, 'cancelled']) events.addEventListener(type, onEvent);
    // EventSource reconnects by itself; only a server that is gone ends the watch.
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) return lost(new ServerUnreachableError(this.server));
      request(this.server, '/api/status').catch((error: unknown) => {
        events.close();
        lost(error);
      });
    });
  }

  async workers(): Promise<WorkerInfo[]> {
    const response = await request(this.server, '/api/status');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return ((await response.json()) as StatusResponse).workers;
  }

  async reachable(): Promise<boolean> {
    try {
      return (await request(this.server, '/api/status')).ok;
    } catch {
      return false;
    }
  }
}

function body(task: TaskDescription, params: unknown): string {
  return JSON.stringify({ task: task.name, params });
}
