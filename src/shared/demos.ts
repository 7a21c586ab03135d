import type { ClusterInstance } from './cluster';
import type { BalanceReport, BalanceRequest, LoadReport, LoadRequest } from './teach';

/** Live demo widgets a slide can embed with the `demo` macro; widget `x` is the element `<x-demo>`. */
export const DEMOS = [
  'tracking',
  'task',
  'timeout',
  'crash',
  'idempotency',
  'load',
  'balancer',
  'cluster',
  'replication',
  'delivery',
  'clocks',
  'hashing',
  'balancing',
] as const;
export type DemoName = (typeof DEMOS)[number];

/** The step-by-step simulations among the demos: pictures drawn in the browser, no server. */
const SIMULATIONS: readonly DemoName[] = ['replication', 'delivery', 'clocks', 'hashing', 'balancing'];

export function isSimulation(name: DemoName): boolean {
  return SIMULATIONS.includes(name);
}

/** The live demos: they talk to our servers and, on paper without them, print a placeholder. */
export const LIVE_DEMOS = DEMOS.filter((name) => !isSimulation(name));

/** Each demo's title, as its frame shows it. */
export const DEMO_TITLES: Record<DemoName, string> = {
  tracking: 'Tracking-Demo',
  task: 'Task-Demo',
  timeout: 'Timeout-Demo',
  crash: 'Absturz-Demo',
  idempotency: 'Idempotenz-Demo',
  load: 'Last-Demo',
  balancer: 'Lastverteilungs-Demo',
  cluster: 'Cluster-Demo',
  replication: 'Replikation',
  delivery: 'Zustellung und Wiederholung',
  clocks: 'Lamport-Uhren',
  hashing: 'IP-Hash oder Ring',
  balancing: 'Lastverteilung',
};

/** What a slide copy (next-slide preview, overview) shows instead of the demo: "Tracking-Demo", "Simulation: Lamport-Uhren". */
export function demoLabel(name: DemoName): string {
  return isSimulation(name) ? `Simulation: ${DEMO_TITLES[name]}` : DEMO_TITLES[name];
}

export function demoElementName(name: DemoName): `${DemoName}-demo` {
  return `${name}-demo`;
}

/** A CSS selector that matches every demo widget. */
export const DEMO_SELECTOR = DEMOS.map(demoElementName).join(', ');

/** The hint every widget shows when its server cannot be reached. */
export const OFFLINE_HINT = 'Server nicht erreichbar — starten mit `npm start`';

/** How a widget gets what it shows: from its server, or played through in the browser. */
export type DemoConnection = 'connecting' | 'live' | 'simulated';

/** One line of a job list, as the task demo shows it. */
export interface DemoJob {
  id: string;
  task: string;
  state: 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';
  progress: number;
  worker?: string;
}

/** One row of the task demo's worker table. */
export interface DemoWorker {
  id: string;
  host: string;
  pid: number;
  /** Jobs on the worker; `job` only for jobs of this client (the server hides other clients' ids). */
  running: { job?: string; task: string }[];
}

/** The run the task demo shows: what was asked, how far it is and what came out. */
export interface TaskRun {
  kind: 'execute' | 'job' | 'batch';
  /** The job followed (kind job). */
  job?: string;
  phase: 'running' | 'done' | 'failed';
  /** 0…1; null while the server gives no figure. */
  progress: number | null;
  /** The line next to the progress bar. */
  line: string;
  result?: string;
  worker?: string;
  time?: string;
}

/** Everything the task demo shows, as data: another window draws the same from it. */
export interface TaskDemoState {
  demo: 'task';
  connection: DemoConnection;
  /** The status line: which server, or why it is simulated. */
  status: string;
  task: string;
  /** The form's fields as typed, by parameter name ('' for a task whose parameters are one value). */
  inputs: Record<string, string | boolean>;
  run: TaskRun | null;
  error: string;
  /** The field the error is about, if it names one. */
  errorField: string | null;
  /** Newest first. */
  jobs: DemoJob[];
  workers: DemoWorker[] | null;
}

/** One visit as the tracking demo lists it. */
export interface DemoVisit {
  at: string;
  ip: string;
  path: string;
}

/** Everything the tracking demo shows, as data. */
export interface TrackingDemoState {
  demo: 'tracking';
  connection: DemoConnection;
  status: string;
  /** The answer to the last "Besuch senden". */
  message: string;
  total: number;
  /** Visits per minute, oldest first: minute start (ms since the epoch) and count. */
  minutes: { start: number; count: number }[];
  /** Newest first. */
  visits: DemoVisit[];
}

/** One start of a job in the crash demo: on which worker, and how it ended. */
export interface CrashAttempt {
  number: number;
  worker: string;
  outcome: 'running' | 'crashed' | 'completed' | 'failed';
}

/** The crash demo: a job whose worker the presenter kills, and every attempt it took. */
export interface CrashDemoState {
  demo: 'crash';
  connection: DemoConnection;
  status: string;
  /** Whether this window holds the presenter token (only then it may crash a worker). */
  presenter: boolean;
  job: string | null;
  phase: 'idle' | 'queued' | 'running' | 'done' | 'failed';
  attempts: CrashAttempt[];
  /** The job's one result, once it has one. */
  result: string;
  message: string;
  error: string;
}

/** One try of the idempotency demo: a request sent, its answer lost, and the same request again. */
export interface IdempotencyRun {
  withKey: boolean;
  before: number;
  /** The counter once both jobs are done; null while they run. */
  after: number | null;
  /** The job ids the server gave the two requests. */
  jobs: string[];
}

export interface IdempotencyDemoState {
  demo: 'idempotency';
  connection: DemoConnection;
  status: string;
  slot: number | null;
  busy: boolean;
  /** Newest last. */
  runs: IdempotencyRun[];
  error: string;
}

/** The load demo: the presenter's settings and the generator's measured figures. */
export interface LoadDemoState {
  demo: 'load';
  connection: DemoConnection;
  status: string;
  presenter: boolean;
  request: LoadRequest;
  report: LoadReport | null;
  error: string;
}

/** The balancer demo: the presenter's choice of algorithm and the run on the task server. */
export interface BalancerDemoState {
  demo: 'balancer';
  connection: DemoConnection;
  status: string;
  presenter: boolean;
  request: BalanceRequest;
  report: BalanceReport | null;
  error: string;
}

/** The cluster demo: the instances of the deployment, and which one answered this window last. */
export interface ClusterDemoState {
  demo: 'cluster';
  connection: DemoConnection;
  status: string;
  presenter: boolean;
  /** Whether several instances share Redis; false: one instance alone. */
  shared: boolean;
  instances: ClusterInstance[];
  /** The instance that answered the last request (`X-Instance`). */
  served: string | null;
  message: string;
  error: string;
}

export type DemoState =
  | TaskDemoState
  | TrackingDemoState
  | CrashDemoState
  | IdempotencyDemoState
  | LoadDemoState
  | BalancerDemoState
  | ClusterDemoState;

/** What the viewer's demo keys ask of the current slide's demo. */
export type DemoCommand = 'run' | 'queue' | 'batch' | 'reset';

/**
 * Who decides what a widget shows. `own`: the widget itself; `mirror`: another window (the
 * presenter's), whose state it draws, with a way out when `detachable`; `detached`: the
 * widget itself again, with a way back to the mirror.
 */
export type DemoLink =
  { kind: 'own' } | { kind: 'mirror'; state: DemoState; detachable: boolean } | { kind: 'detached' };

/** Events a widget sends up to the page (bubbling out of its shadow root). */
export const DEMO_EVENTS = {
  /** Connected to the page; the page may link it before it starts on its own. */
  connected: 'vs-demo-connected',
  /** Its own state changed; detail: DemoState. */
  state: 'vs-demo-state',
  /** The user wants to try it alone (detail 'detach') or follow again ('attach'). */
  link: 'vs-demo-link',
} as const;

/** The part of a demo widget the viewer talks to. */
export interface DemoElement extends HTMLElement {
  /** What it shows of its own, null before it has anything. */
  readonly demoState: DemoState | null;
  link(link: DemoLink): void;
  command(command: DemoCommand): void;
}

/** A live demo that can be mirrored and driven (simulation widgets keep their own step instead). */
export function isDemoElement(element: Element): element is DemoElement {
  const candidate = element as Partial<DemoElement>;
  return typeof candidate.link === 'function' && typeof candidate.command === 'function';
}

/** The live demos in a part of the page, in document order. */
export function demoElements(root: ParentNode): DemoElement[] {
  return [...root.querySelectorAll(DEMO_SELECTOR)].filter(isDemoElement);
}

/** A demo's key within its deck: slide number and the demo's place on the slide (`4-1`). */
export const DEMO_KEY_PATTERN = '^[1-9][0-9]{0,3}-[1-9][0-9]?$';

/** A shallow check of a state from elsewhere (another window, the server) before a widget draws it. */
export function isDemoState(value: unknown): value is DemoState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const common =
    ['connecting', 'live', 'simulated'].includes(state.connection as string) && typeof state.status === 'string';
  if (state.demo === 'crash') {
    return (
      common && typeof state.phase === 'string' && Array.isArray(state.attempts) && typeof state.error === 'string'
    );
  }
  if (state.demo === 'idempotency') {
    return common && Array.isArray(state.runs) && typeof state.busy === 'boolean' && typeof state.error === 'string';
  }
  if (state.demo === 'load') {
    return (
      common &&
      typeof state.request === 'object' &&
      state.request !== null &&
      (state.report === null ||
        (typeof state.report === 'object' && Array.isArray((state.report as LoadReport).samples)))
    );
  }
  if (state.demo === 'balancer') {
    return (
      common &&
      typeof state.request === 'object' &&
      state.request !== null &&
      (state.report === null ||
        (typeof state.report === 'object' && Array.isArray((state.report as BalanceReport).lanes)))
    );
  }
  if (state.demo === 'cluster') {
    return (
      common &&
      typeof state.shared === 'boolean' &&
      Array.isArray(state.instances) &&
      (state.served === null || typeof state.served === 'string') &&
      typeof state.error === 'string'
    );
  }
  if (state.demo === 'task') {
    return (
      common &&
      typeof state.task === 'string' &&
      typeof state.inputs === 'object' &&
      state.inputs !== null &&
      typeof state.error === 'string' &&
      Array.isArray(state.jobs) &&
      (state.workers === null || Array.isArray(state.workers)) &&
      (state.run === null || typeof state.run === 'object')
    );
  }
  return (
    state.demo === 'tracking' &&
    common &&
    typeof state.message === 'string' &&
    typeof state.total === 'number' &&
    Array.isArray(state.minutes) &&
    Array.isArray(state.visits)
  );
}
