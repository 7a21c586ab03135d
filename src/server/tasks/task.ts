import type { Static, TSchema } from 'typebox';

/** Reports how far a task has come, as a fraction from 0 to 1; cheap to call often. */
export type ProgressReporter = (fraction: number) => void;

/** A pre-compiled task: its parameter schema, its limits and a pure function. */
export interface Task {
  /** Lower-case name, as used in `{"task": "sum"}`. */
  readonly name: string;
  /** Short German title for the catalogue. */
  readonly title: string;
  readonly description: string;
  /** JSON schema of `params`; also bounds the input size. */
  readonly params: TSchema;
  /** Parameters that show what the task does (form defaults, examples). */
  readonly example: unknown;
  /** Wall-clock limit of one run in a worker thread. */
  readonly timeLimitMs: number;
  /** Whether `run` calls its progress reporter. */
  readonly progress: boolean;
  /**
   * Bounded by its parameter limits to a few microseconds: a worker process runs it on its own
   * event loop instead of handing it to a thread, which would cost more than the task itself.
   */
  readonly light?: boolean;
  /**
   * The seconds a run with these parameters declares for the fair share; default: the time limit.
   * Long jobs (more than a few seconds) never take the last free worker place.
   */
  workSeconds?(params: unknown): number;
  /** Same parameters, same result: a job may run again after a worker crash. */
  run(params: unknown, progress: ProgressReporter): unknown;
}

interface TypedTask<S extends TSchema, R> extends Omit<Task, 'params' | 'example' | 'run' | 'workSeconds'> {
  readonly params: S;
  readonly example: Static<S>;
  workSeconds?(params: Static<S>): number;
  run(params: Static<S>, progress: ProgressReporter): R | Promise<R>;
}

/** Declares a task module's default export, typing `run` and `example` by the schema. */
export function defineTask<const S extends TSchema, R>(task: TypedTask<S, R>): Task {
  return task as Task;
}
