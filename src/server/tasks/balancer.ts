import { createHash } from 'node:crypto';
import { isFinished } from '../../shared/tasks';
import type { BalanceLane, BalanceReport, BalanceRequest, BalancingAlgorithm } from '../../shared/teach';
import { TaskServerError } from './errors';
import type { TaskRunner } from './runner';

/** The balancer's one client identity: its jobs share one fair share, like any other client's. */
export const BALANCER_CLIENT = 'lastverteiler';

/** A job on the slowest worker takes this long; a worker of speed s needs 1/s of it. */
const SLOWEST_JOB_MS = 600;
const WORKERS = [
  { name: 'A', speed: 3, weight: 3 },
  { name: 'B', speed: 2, weight: 2 },
  { name: 'C', speed: 1, weight: 1 },
] as const;
/** The clients the arrivals come from, in turn, for IP hash. */
const CLIENTS = ['10.0.0.11', '10.0.0.23', '10.0.0.37', '10.0.0.42', '10.0.0.58', '10.0.0.64'];

interface Lane {
  name: string;
  speed: number;
  weight: number;
  /** Arrival times of jobs waiting at this worker. */
  waiting: number[];
  running: boolean;
  assigned: number;
  done: number;
  latencySumMs: number;
  /** Smooth weighted round robin's running score. */
  current: number;
}

interface Run {
  request: BalanceRequest;
  lanes: Lane[];
  arrivals: { client: string; lane: string }[];
  startedAt: number;
  finishedAt?: number;
  timer?: NodeJS.Timeout;
}

function ipHash(client: string, lanes: number): number {
  return createHash('sha256').update(client).digest().readUInt32BE(0) % lanes;
}

/** Which lane the algorithm picks for arrival `n` from `client`. */
export function pick(algorithm: BalancingAlgorithm, lanes: Lane[], n: number, client: string): Lane {
  switch (algorithm) {
    case 'round-robin':
      return lanes[n % lanes.length]!;
    case 'least-connections':
      return lanes.reduce((best, lane) => (inFlight(lane) < inFlight(best) ? lane : best));
    case 'weighted': {
      // nginx's smooth weighted round robin: 3:2:1 gives A B A C A B.
      const total = lanes.reduce((sum, lane) => sum + lane.weight, 0);
      for (const lane of lanes) lane.current += lane.weight;
      const chosen = lanes.reduce((best, lane) => (lane.current > best.current ? lane : best));
      chosen.current -= total;
      return chosen;
    }
    case 'ip-hash':
      return lanes[ipHash(client, lanes.length)]!;
  }
}

function inFlight(lane: Lane): number {
  return lane.waiting.length + (lane.running ? 1 : 0);
}

/**
 * Lecture demo: a load balancer in front of three workers of different speed. Each worker runs
 * its jobs one after another as real `sleep` jobs on the task server, the slower the longer; the
 * balancer hands each arriving job to one of them by the chosen algorithm and counts per worker.
 */
export class Balancer {
  private run: Run | undefined;

  constructor(
    private readonly runner: TaskRunner,
    private readonly now: () => number = () => performance.now(),
  ) {}

  start(request: BalanceRequest): BalanceReport {
    if (this.run && this.run.finishedAt === undefined) {
      throw new TaskServerError(409, 'Die Lastverteilung läuft schon; ein Lauf nach dem anderen.');
    }
    const run: Run = {
      request,
      lanes: WORKERS.map((worker) => ({
        ...worker,
        waiting: [],
        running: false,
        assigned: 0,
        done: 0,
        latencySumMs: 0,
        current: 0,
      })),
      arrivals: [],
      startedAt: this.now(),
    };
    this.run = run;
    const arrive = () => {
      const n = run.arrivals.length;
      const client = CLIENTS[n % CLIENTS.length]!;
      const lane = pick(request.algorithm, run.lanes, n, client);
      run.arrivals.push({ client, lane: lane.name });
      lane.assigned++;
      lane.waiting.push(this.now());
      this.work(run, lane);
      if (run.arrivals.length < request.jobs) run.timer = setTimeout(arrive, request.intervalMs);
    };
    arrive();
    return this.report();
  }

  report(): BalanceReport {
    const run = this.run;
    const lanes = (run?.lanes ?? []).map((lane): BalanceLane => ({
      name: lane.name,
      speed: lane.speed,
      weight: lane.weight,
      assigned: lane.assigned,
      done: lane.done,
      inFlight: inFlight(lane),
      meanLatencyMs: lane.done > 0 ? Math.round(lane.latencySumMs / lane.done) : 0,
    }));
    if (!run) return { state: 'idle', lanes, arrivals: [], elapsedS: 0 };
    return {
      state: run.finishedAt === undefined ? 'running' : 'finished',
      request: run.request,
      lanes,
      arrivals: run.arrivals,
      elapsedS: Math.round(((run.finishedAt ?? this.now()) - run.startedAt) / 100) / 10,
    };
  }

  stop(): void {
    if (!this.run) return;
    clearTimeout(this.run.timer);
    this.run.finishedAt ??= this.now();
  }

  /** Starts the lane's next job if it is idle; when the last job of the run is done, the run ends. */
  private work(run: Run, lane: Lane): void {
    if (lane.running || run.finishedAt !== undefined) return;
    const arrivedAt = lane.waiting.shift();
    if (arrivedAt === undefined) {
      const done = run.lanes.reduce((sum, each) => sum + each.done, 0);
      if (done === run.request.jobs) run.finishedAt = this.now();
      return;
    }
    lane.running = true;
    const finish = (completed: boolean) => {
      lane.running = false;
      lane.done++;
      if (completed) lane.latencySumMs += this.now() - arrivedAt;
      this.work(run, lane);
    };
    const params = { ms: Math.round(SLOWEST_JOB_MS / lane.speed) };
    this.runner.submit({ task: 'sleep', params, client: BALANCER_CLIENT }).then(
      ({ job }) => {
        let ended = false;
        let stop: (() => void) | undefined;
        void this.runner
          .watch(
            job.id,
            ({ job: current }) => {
              if (ended || !isFinished(current)) return;
              ended = true;
              stop?.();
              finish(current.state === 'completed');
            },
            { finishOnly: true },
          )
          .then((unsubscribe) => {
            if (ended) unsubscribe?.();
            else stop = unsubscribe;
          });
      },
      () => finish(false),
    );
  }
}
