/** Entry of a pool worker thread: runs one catalogue task per call and posts its start and progress. */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { loadTasks } from './catalogue/index';
import { useCounterBuffer } from './counters';
import type { ProgressReporter } from './task';
import {
  PROGRESS_INTERVAL_MS,
  type ThreadCall,
  type ThreadData,
  type ThreadMessage,
  type ThreadResult,
  type WarmUpCall,
} from './thread-protocol';

const { extraTaskModules, counters } = workerData as ThreadData;
useCounterBuffer(counters);
// piscina requires this module, and on Node 20 tsx's loader reaches a worker thread's require()
// but not its import(): so no top-level await here, and extra task modules come in by require.
const load = (url: string) => createRequire(import.meta.url)(fileURLToPath(url)) as unknown;
const tasksReady = loadTasks(extraTaskModules, load).then((tasks) => new Map(tasks.map((task) => [task.name, task])));

function post(message: ThreadMessage): void {
  parentPort?.postMessage(message);
}

function throttledProgress(jobId: string): ProgressReporter {
  let last = performance.now();
  return (fraction) => {
    const now = performance.now();
    if (now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    post({ kind: 'progress', jobId, fraction: Math.min(1, Math.max(0, fraction)) });
  };
}

export default async function runTask(call: ThreadCall | WarmUpCall): Promise<ThreadResult | undefined> {
  const tasks = await tasksReady;
  if ('warmUp' in call) return undefined;
  const { jobId, task, params } = call;
  const definition = tasks.get(task);
  if (!definition) throw new Error(`Dieser Worker kennt die Task „${task}“ nicht.`);
  post({ kind: 'start', jobId, thread: threadId });
  const started = performance.now();
  const value = await definition.run(params, throttledProgress(jobId));
  const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  return { value, startedAt: performance.timeOrigin + started, durationMs, thread: threadId };
}
