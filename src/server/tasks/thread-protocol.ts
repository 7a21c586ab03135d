/** What the pool and its worker threads say to each other. */

export interface ThreadData {
  /** Task modules beyond the built-in ones (URLs). */
  extraTaskModules: readonly string[];
  /** The process's counters of the `counter` task (shared memory). */
  counters: SharedArrayBuffer;
}

export interface ThreadCall {
  jobId: string;
  task: string;
  params: unknown;
}

/** Answered once the thread has loaded its tasks; sent to every thread before work begins. */
export interface WarmUpCall {
  warmUp: true;
}

export interface ThreadResult {
  value: unknown;
  /** When the thread started the call, in epoch milliseconds. */
  startedAt: number;
  durationMs: number;
  thread: number;
}

/** Posted on the thread's parent port while a call runs. */
export type ThreadMessage =
  { kind: 'start'; jobId: string; thread: number } | { kind: 'progress'; jobId: string; fraction: number };

/** Progress is posted at most this often, however often a task reports it. */
export const PROGRESS_INTERVAL_MS = 50;
