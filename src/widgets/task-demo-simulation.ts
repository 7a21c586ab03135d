import type { TaskDescription } from '../shared/tasks';

const NUMBERS = {
  type: 'array',
  title: 'Zahlen',
  items: { type: 'number' },
  maxItems: 10_000,
} as const;

/**
 * What the widget offers without a server: a few tasks that the browser itself can play through.
 * Everything that comes from here is labelled as simulated.
 */
export const SIMULATED_TASKS: TaskDescription[] = [
  {
    name: 'sum',
    title: 'Summe',
    description: 'Addiert die Zahlen – die Task aus dem Client der Übung.',
    params: NUMBERS,
    example: [1, 2, 3, 4],
    limits: { timeMs: 2_000, memoryMb: 256 },
    progress: false,
  },
  {
    name: 'multiplication',
    title: 'Produkt',
    description: 'Multipliziert die Zahlen miteinander.',
    params: NUMBERS,
    example: [1, 2, 3, 4],
    limits: { timeMs: 2_000, memoryMb: 256 },
    progress: false,
  },
  {
    name: 'sleep',
    title: 'Warten',
    description: 'Wartet die angegebene Zeit und rechnet nichts – zeigt, was asynchron heißt.',
    params: {
      type: 'object',
      properties: { ms: { type: 'integer', title: 'Millisekunden', minimum: 0, maximum: 60_000 } },
      required: ['ms'],
    },
    example: { ms: 2_000 },
    limits: { timeMs: 65_000, memoryMb: 256 },
    progress: true,
  },
];

export const SIMULATED_WORKERS = ['sim-worker-1', 'sim-worker-2'];

export interface SimulatedOutcome {
  result: unknown;
  durationMs: number;
  worker: string;
}

function compute(task: string, params: unknown): unknown {
  const numbers = params as number[];
  if (task === 'sum') return numbers.reduce((total, value) => total + value, 0);
  if (task === 'multiplication') return numbers.reduce((total, value) => total * value, 1);
  return { sleptMs: (params as { ms: number }).ms };
}

export interface SimulationHooks {
  signal: AbortSignal;
  onStart: (worker: string) => void;
  onProgress: (fraction: number) => void;
}

/**
 * Plays tasks through on two simulated workers, one job at a time each, as a queue would:
 * progress over the task's (simulated) run time, then its result.
 */
export class SimulatedRunner {
  private turn = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  run(task: string, params: unknown, hooks: SimulationHooks): Promise<SimulatedOutcome> {
    const worker = SIMULATED_WORKERS[this.turn++ % SIMULATED_WORKERS.length]!;
    const previous = this.queues.get(worker) ?? Promise.resolve();
    const outcome = previous.then(() => this.play(worker, task, params, hooks));
    this.queues.set(
      worker,
      outcome.catch(() => undefined),
    );
    return outcome;
  }

  private play(worker: string, task: string, params: unknown, { signal, onStart, onProgress }: SimulationHooks) {
    if (signal.aborted) return Promise.reject(new Error('abgebrochen'));
    onStart(worker);
    const durationMs = task === 'sleep' ? (params as { ms: number }).ms : 40 + Math.random() * 60;
    const started = performance.now();
    return new Promise<SimulatedOutcome>((resolve, reject) => {
      const step = () => {
        if (signal.aborted) return reject(new Error('abgebrochen'));
        const elapsed = performance.now() - started;
        if (elapsed >= durationMs) {
          resolve({ result: compute(task, params), durationMs: Math.round(elapsed), worker });
          return;
        }
        onProgress(elapsed / durationMs);
        setTimeout(step, 100);
      };
      step();
    });
  }
}
