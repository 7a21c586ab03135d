import { Compile, type Validator } from 'typebox/schema';
import type { ParamSchema, TaskDescription } from '../../shared/tasks';
import { loadTasks } from './catalogue/index';
import { UnknownTaskError } from './errors';
import type { Task } from './task';
import { invalidInput } from '../kit/validation';
import { oversized } from './validation';

/** The tasks a server offers: lookup, parameter validation, and the public description. */
export class Catalogue {
  private readonly tasks: ReadonlyMap<string, Task>;
  private readonly validators = new Map<string, Validator>();

  constructor(
    tasks: readonly Task[],
    readonly extraModules: readonly string[] = [],
  ) {
    this.tasks = new Map(tasks.map((task) => [task.name, task]));
  }

  static async load(extraModules: readonly string[] = []): Promise<Catalogue> {
    return new Catalogue(await loadTasks(extraModules), extraModules);
  }

  names(): string[] {
    return [...this.tasks.keys()];
  }

  get(name: string): Task | undefined {
    return this.tasks.get(name);
  }

  /**
   * The task called `name` if `params` fit its schema; otherwise a 404 or 400 error naming the
   * problem. Lengths are checked first, so an oversized list costs no more than a short one.
   */
  check(name: string, params: unknown): Task {
    const task = this.tasks.get(name);
    if (!task) throw new UnknownTaskError(name, this.names());
    const tooLong = oversized(task.params, params, 'params');
    if (tooLong) throw tooLong;
    const validator = this.validatorFor(task);
    if (!validator.Check(params)) throw invalidInput('params', validator.Errors(params)[1]);
    return task;
  }

  /** The seconds a checked call declares for the fair share. */
  workSeconds(task: Task, params: unknown): number {
    return task.workSeconds?.(params) ?? task.timeLimitMs / 1000;
  }

  describe(memoryMb: number): TaskDescription[] {
    return [...this.tasks.values()].map((task) => ({
      name: task.name,
      title: task.title,
      description: task.description,
      params: task.params as unknown as ParamSchema,
      example: task.example,
      limits: { timeMs: task.timeLimitMs, memoryMb },
      progress: task.progress,
    }));
  }

  private validatorFor(task: Task): Validator {
    let validator = this.validators.get(task.name);
    if (!validator) {
      validator = Compile(task.params);
      this.validators.set(task.name, validator);
    }
    return validator;
  }
}
