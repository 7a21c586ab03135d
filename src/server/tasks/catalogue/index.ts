import type { Task } from '../task';
import counter from './counter';
import fibonacci from './fibonacci';
import hash from './hash';
import multiplication from './multiplication';
import pi from './pi';
import primes from './primes';
import sleep from './sleep';
import sort from './sort';
import sum from './sum';

/** The pre-compiled tasks every server and worker knows. */
export const BUILTIN_TASKS: readonly Task[] = [sum, multiplication, primes, pi, fibonacci, hash, sort, sleep, counter];

export type ModuleLoader = (url: string) => unknown;

/** Built-in tasks plus task modules (URLs of modules whose default export is a Task) given by the embedder. */
export async function loadTasks(
  extraModules: readonly string[] = [],
  load: ModuleLoader = (url) => import(/* @vite-ignore */ url),
): Promise<Task[]> {
  const extra = await Promise.all(extraModules.map(async (url) => ((await load(url)) as { default: Task }).default));
  return [...BUILTIN_TASKS, ...extra];
}
