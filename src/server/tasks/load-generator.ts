import { isFinished } from '../../shared/tasks';
import type { LoadReport, LoadRequest, LoadSample } from '../../shared/teach';
import { HttpError } from '../kit/errors';
import { TaskServerError } from './errors';
import type { TaskRunner } from './runner';

/**
 * The one client identity of the generator. It is a client like any student: the fair share
 * gives it its running places and its queue places and no more, so it overloads the server
 * without starving anybody else, and its own jobs are the ones refused.
 */
export const LOAD_CLIENT = 'lastgenerator';

const TICK_MS = 50;
const SAMPLE_MS = 500;
const MAX_SAMPLES = 80;
/** After the last arrival the generator keeps measuring until its jobs are done, this long at most. */
const DRAIN_MS = 60_000;

interface Run {
  request: LoadRequest;
  capacityPerS: number;
  startedAt: number;
  finishedAt?: number;
  sent: number;
  accepted: number;
  completed: number;
  refused: { '429': number; '503': number };
  latencySumMs: number;
  /** Jobs × seconds in the system, for L. */
  area: number;
  samples: LoadSample[];
  window: { completed: number; refused: number; latencySumMs: number };
  lastSampleAt: number;
  timers: NodeJS.Timeout[];
  stops: Set<() => void>;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Lecture demo: sends `sleep` jobs at a fixed rate for a bounded time and measures what the task
 * server does with them – queue, throughput, refusals, time in the system – so that L = λ·W can be
 * checked against the measured number of jobs in the system. One run at a time.
 */
export class LoadGenerator {
  private run: Run | undefined;

  constructor(
    private readonly runner: TaskRunner,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async start(request: LoadRequest): Promise<LoadReport> {
    if (this.run && this.run.finishedAt === undefined) {
      throw new TaskServerError(409, 'Der Lastgenerator läuft schon; ein Lauf nach dem anderen.');
    }
    const status = await this.runner.status(LOAD_CLIENT);
    if (!status.available)
      throw new HttpError(503, status.reason ?? 'Der Task-Server nimmt gerade keine Jobs an.', {}, 5);
    const places = status.workers.reduce((sum, worker) => sum + worker.capacity, 0);
    const startedAt = this.now();
    const run: Run = {
      request,
      capacityPerS: round(places / (request.jobMs / 1000)),
      startedAt,
      sent: 0,
      accepted: 0,
      completed: 0,
      refused: { '429': 0, '503': 0 },
      latencySumMs: 0,
      area: 0,
      samples: [],
      window: { completed: 0, refused: 0, latencySumMs: 0 },
      lastSampleAt: startedAt,
      timers: [],
      stops: new Set(),
    };
    this.stop();
    this.run = run;
    run.timers.push(
      setInterval(() => this.arrive(run), TICK_MS),
      setInterval(() => void this.sample(run), SAMPLE_MS),
    );
    return this.report();
  }

  report(): LoadReport {
    const run = this.run;
    if (!run) {
      return {
        state: 'idle',
        capacityPerS: 0,
        elapsedS: 0,
        sent: 0,
        accepted: 0,
        completed: 0,
        refused: { '429': 0, '503': 0 },
        arrivalPerS: 0,
        meanLatencyS: 0,
        meanInSystem: 0,
        samples: [],
      };
    }
    const elapsedS = ((run.finishedAt ?? run.lastSampleAt) - run.startedAt) / 1000;
    return {
      state: run.finishedAt === undefined ? 'running' : 'finished',
      request: run.request,
      capacityPerS: run.capacityPerS,
      elapsedS: round(elapsedS, 1),
      sent: run.sent,
      accepted: run.accepted,
      completed: run.completed,
      refused: { ...run.refused },
      arrivalPerS: elapsedS > 0 ? round(run.accepted / elapsedS) : 0,
      meanLatencyS: run.completed > 0 ? round(run.latencySumMs / run.completed / 1000, 3) : 0,
      meanInSystem: elapsedS > 0 ? round(run.area / elapsedS) : 0,
      samples: run.samples,
    };
  }

  /** Stops sending and measuring, and forgets the jobs' watchers (the jobs themselves run on). */
  stop(): void {
    const run = this.run;
    if (!run) return;
    for (const timer of run.timers) clearInterval(timer);
    for (const stop of run.stops) stop();
    run.stops.clear();
    run.finishedAt ??= this.now();
  }

  private arrive(run: Run): void {
    const elapsedMs = Math.min(this.now() - run.startedAt, run.request.durationS * 1000);
    const due = Math.floor((elapsedMs / 1000) * run.request.rate);
    while (run.sent < due) {
      run.sent++;
      void this.send(run);
    }
  }

  private async send(run: Run): Promise<void> {
    const sentAt = this.now();
    let id: string;
    try {
      ({
        job: { id },
      } = await this.runner.submit({ task: 'sleep', params: { ms: run.request.jobMs }, client: LOAD_CLIENT }));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 429 || status === 503) {
        run.refused[status]++;
        run.window.refused++;
      }
      return;
    }
    run.accepted++;
    let finished = false;
    const stop = await this.runner.watch(
      id,
      ({ job }) => {
        if (!isFinished(job) || finished) return;
        finished = true;
        const latencyMs = this.now() - sentAt;
        run.completed++;
        run.latencySumMs += latencyMs;
        run.window.completed++;
        run.window.latencySumMs += latencyMs;
      },
      { finishOnly: true },
    );
    if (stop && !finished && run.finishedAt === undefined) run.stops.add(stop);
    else stop?.();
  }

  private async sample(run: Run): Promise<void> {
    const at = this.now();
    const inSystem = run.accepted - run.completed;
    run.area += (inSystem * (at - run.lastSampleAt)) / 1000;
    run.lastSampleAt = at;
    const { waiting } = (await this.runner.status(LOAD_CLIENT)).queue;
    const windowS = SAMPLE_MS / 1000;
    run.samples.push({
      t: round((at - run.startedAt) / 1000, 1),
      waiting,
      inSystem,
      throughput: round(run.window.completed / windowS),
      refused: run.window.refused,
      latencyMs: run.window.completed > 0 ? Math.round(run.window.latencySumMs / run.window.completed) : 0,
    });
    if (run.samples.length > MAX_SAMPLES) run.samples.shift();
    run.window = { completed: 0, refused: 0, latencySumMs: 0 };
    const arrivalsOver = at - run.startedAt >= run.request.durationS * 1000;
    if (arrivalsOver && (inSystem === 0 || at - run.startedAt >= run.request.durationS * 1000 + DRAIN_MS)) {
      if (this.run === run) this.stop();
    }
  }
}
