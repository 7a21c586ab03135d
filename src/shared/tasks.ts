/**
 * The task server's wire format: request and answer types plus their JSON schemas.
 * The server validates and serializes with the schemas; the widget and the command-line
 * client import only the types.
 */
import Type, { type Static } from 'typebox';

/** The subset of JSON Schema a task uses for its parameters – enough to build a form from. */
export interface ParamSchema {
  type: 'number' | 'integer' | 'string' | 'boolean' | 'array' | 'object';
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  enum?: readonly (string | number)[];
  default?: unknown;
  items?: ParamSchema;
  properties?: Record<string, ParamSchema>;
  required?: readonly string[];
}

const JOB_ID_PATTERN = '^(?!\\d+$)[A-Za-z0-9_-]{1,64}$';

const taskRequestFields = {
  task: Type.String({ minLength: 1, maxLength: 64, description: 'Name einer Task aus GET /api/tasks' }),
  params: Type.Unknown({ description: 'Parameter nach dem Schema der Task (z. B. [1, 2, 3, 4] für sum)' }),
  image: Type.Optional(Type.String({ maxLength: 256, description: 'Nur zur Kompatibilität, wird ignoriert' })),
  tag: Type.Optional(Type.String({ maxLength: 128, description: 'Nur zur Kompatibilität, wird ignoriert' })),
  port: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 65535, description: 'Nur zur Kompatibilität, wird ignoriert' }),
  ),
};

export const TaskRequestSchema = Type.Object(taskRequestFields, {
  additionalProperties: false,
  description: 'Eine Task mit ihren Parametern; image, tag und port werden angenommen, aber nie benutzt',
});
export type TaskRequest = Static<typeof TaskRequestSchema>;

export const JobRequestSchema = Type.Object(
  {
    ...taskRequestFields,
    id: Type.Optional(
      Type.String({
        pattern: JOB_ID_PATTERN,
        description: 'Eigene Job-ID: wer dieselbe ID erneut sendet, bekommt denselben Job (idempotent)',
      }),
    ),
  },
  { additionalProperties: false, description: 'Eine Task als Job für die Warteschlange' },
);
export type JobRequest = Static<typeof JobRequestSchema>;

export const JOB_STATES = ['queued', 'active', 'completed', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Why a job did not complete: past its time or memory limit, cancelled, or the task threw. */
export const FAILURES = ['timeout', 'memory', 'cancelled', 'error'] as const;
export type Failure = (typeof FAILURES)[number];

/** What a finished or running job looks like from outside; every job event carries one. */
export const JobSchema = Type.Object(
  {
    id: Type.String(),
    task: Type.String(),
    state: Type.Enum(JOB_STATES),
    progress: Type.Number({ minimum: 0, maximum: 1, description: 'Fortschritt von 0 bis 1' }),
    createdAt: Type.String({ description: 'ISO-Zeitstempel' }),
    startedAt: Type.Optional(Type.String()),
    finishedAt: Type.Optional(Type.String()),
    worker: Type.Optional(Type.String({ description: 'Der Worker, der die Task ausführt oder ausgeführt hat' })),
    durationMs: Type.Optional(Type.Number({ description: 'Rechenzeit im Worker' })),
    result: Type.Optional(Type.Unknown()),
    error: Type.Optional(Type.String({ description: 'Warum der Job nicht abgeschlossen wurde' })),
    failure: Type.Optional(Type.Enum(FAILURES)),
    attempts: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Wie oft ein Worker den Job begonnen hat; mehr als 1 nach einem Absturz des Workers',
      }),
    ),
  },
  { description: 'Ein Job und sein Zustand' },
);
export type Job = Static<typeof JobSchema>;

export const JOB_EVENT_TYPES = ['queued', 'active', 'progress', 'completed', 'failed'] as const;
export type JobEventType = (typeof JOB_EVENT_TYPES)[number];

/** One Server-Sent Event of `GET /api/jobs/:id/events`: the event name is `type`, the data is `job`. */
export interface JobEvent {
  type: JobEventType;
  job: Job;
}

export function isFinished(job: Job): boolean {
  return job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled';
}

export const JobCreatedSchema = Type.Object(
  {
    id: Type.String(),
    state: Type.Enum(JOB_STATES),
    self: Type.String({ description: 'Adresse des Jobs' }),
    events: Type.String({ description: 'Adresse des Ereignisstroms (Server-Sent Events)' }),
    cancelToken: Type.Optional(
      Type.String({
        description:
          'Bricht den Job ab: DELETE mit Authorization: Bearer <cancelToken>. Nur für den Client, der den Job angelegt hat',
      }),
    ),
  },
  { description: 'Der angenommene Job' },
);
export type JobCreated = Static<typeof JobCreatedSchema>;

export const ExecuteResponseSchema = Type.Object(
  {
    message: Type.String(),
    result: Type.Unknown(),
    task: Type.String(),
    durationMs: Type.Number({ description: 'Rechenzeit im Worker' }),
    worker: Type.String(),
    jobId: Type.String(),
  },
  { description: 'Das Ergebnis einer synchron ausgeführten Task' },
);
export type ExecuteResponse = Static<typeof ExecuteResponseSchema>;

export const TaskDescriptionSchema = Type.Object({
  name: Type.String(),
  title: Type.String(),
  description: Type.String(),
  params: Type.Unknown({ description: 'JSON-Schema der Parameter' }),
  example: Type.Unknown({ description: 'Beispielparameter' }),
  limits: Type.Object({
    timeMs: Type.Integer({ description: 'Zeitlimit einer Ausführung' }),
    memoryMb: Type.Integer({ description: 'Speichergrenze eines Worker-Threads' }),
  }),
  progress: Type.Boolean({ description: 'Meldet die Task Fortschritt?' }),
});
export type TaskDescription = Omit<Static<typeof TaskDescriptionSchema>, 'params'> & { params: ParamSchema };

export const CatalogueResponseSchema = Type.Object(
  { tasks: Type.Array(TaskDescriptionSchema) },
  { description: 'Der Katalog der vorkompilierten Tasks' },
);
export interface CatalogueResponse {
  tasks: TaskDescription[];
}

export const BACKENDS = ['embedded', 'redis'] as const;
export type Backend = (typeof BACKENDS)[number];

export const WorkerInfoSchema = Type.Object({
  id: Type.String(),
  host: Type.String(),
  pid: Type.Integer(),
  busy: Type.Boolean(),
  capacity: Type.Integer({ description: 'Wie viele Jobs der Worker gleichzeitig ausführt' }),
  running: Type.Array(
    Type.Object({
      job: Type.Optional(Type.String({ description: 'Nur bei eigenen Jobs des Abfragenden' })),
      task: Type.String(),
    }),
  ),
});
export type WorkerInfo = Static<typeof WorkerInfoSchema>;

export const LatencySchema = Type.Object({
  count: Type.Integer(),
  meanMs: Type.Number(),
  p50Ms: Type.Number(),
  p95Ms: Type.Number(),
  maxMs: Type.Number(),
});
export type Latency = Static<typeof LatencySchema>;

export const StatusResponseSchema = Type.Object(
  {
    service: Type.String(),
    version: Type.String(),
    uptimeS: Type.Number(),
    backend: Type.Enum(BACKENDS),
    available: Type.Boolean({ description: 'Kann der Server gerade Tasks annehmen?' }),
    reason: Type.Optional(Type.String({ description: 'Warum nicht' })),
    workers: Type.Array(WorkerInfoSchema),
    queue: Type.Object({
      waiting: Type.Integer(),
      active: Type.Integer(),
      limit: Type.Integer(),
    }),
    jobs: Type.Object(
      { done: Type.Integer(), failed: Type.Integer() },
      { description: 'Fertige und fehlgeschlagene Jobs, seit dieser Server läuft' },
    ),
    latency: Type.Record(Type.String(), LatencySchema, { description: 'Rechenzeit je Task' }),
  },
  { description: 'Zustand des Task-Servers' },
);
export type StatusResponse = Static<typeof StatusResponseSchema>;

export const ApiErrorSchema = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String({ description: 'Der Grund, auf Deutsch' }),
    field: Type.Optional(Type.String({ description: 'Das fehlerhafte Feld, z. B. params[2]' })),
    limit: Type.Optional(Type.Number({ description: 'Die überschrittene Grenze' })),
    tasks: Type.Optional(Type.Array(Type.String(), { description: 'Die bekannten Tasks' })),
  },
  { description: 'Fehlerantwort' },
);
export type ApiError = Static<typeof ApiErrorSchema>;

export const JobParamsSchema = Type.Object(
  { id: Type.String({ maxLength: 64, description: 'Job-ID' }) },
  { additionalProperties: false },
);
