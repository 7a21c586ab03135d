import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Catalogue } from './task-catalogue';
import { counterBuffer } from './counters';
import { cancelledFailure, TaskFailure, taskError, timeoutFailure } from './errors';
import type { ThreadCall, ThreadData, ThreadMessage, ThreadResult, WarmUpCall } from './thread-protocol';

export interface ThreadPoolOptions {
  /** Worker threads; default: one per core. */
  threads?: number;
  /** Old-generation heap limit of each thread. */
  memoryMb?: number;
}

export interface RunHooks {
  signal?: AbortSignal;
  onStart?: (thread: number) => void;
  onProgress?: (fraction: number) => void;
}

export interface ThreadState {
  thread: number;
  running: { job: string; task: string } | undefined;
}

interface Call {
  call: ThreadCall;
  hooks: RunHooks;
  controller: AbortController;
  thread?: number;
  timer?: NodeJS.Timeout;
}

const THREAD_MODULE = new URL('./thread.ts', import.meta.url);

/** Worker threads load the TypeScript thread module through tsx's loader, also when run by another tool. */
function threadExecArgv(): string[] | undefined {
  if (!THREAD_MODULE.pathname.endsWith('.ts')) return undefined;
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsxLoader];
}

/**
 * A fixed set of worker threads (piscina) that run catalogue tasks. A call past its task's time
 * limit is aborted, which terminates its thread; a thread past its heap limit dies on its own.
 * Either way piscina starts a fresh thread and the pool keeps serving.
 */
export class ThreadPool {
  readonly threadCount: number;
  readonly memoryMb: number;
  private readonly pool: Piscina;
  private readonly calls = new Map<string, Call>();

  constructor(
    private readonly catalogue: Catalogue,
    options: ThreadPoolOptions = {},
  ) {
    this.threadCount = options.threads ?? availableParallelism();
    this.memoryMb = options.memoryMb ?? 256;
    const workerData: ThreadData = { extraTaskModules: catalogue.extraModules, counters: counterBuffer() };
    this.pool = new Piscina({
      filename: THREAD_MODULE.href,
      minThreads: this.threadCount,
      maxThreads: this.threadCount,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      execArgv: threadExecArgv(),
      workerData,
    });
    this.pool.on('message', (message: ThreadMessage) => this.onMessage(message));
  }

  /**
   * Resolves once every thread has loaded its tasks (which takes a moment under tsx): the calls go
   * out at once and piscina gives each idle thread one.
   */
  async warmUp(): Promise<void> {
    const call: WarmUpCall = { warmUp: true };
    await Promise.all(Array.from({ length: this.threadCount }, () => this.pool.run(call)));
  }

  async run(call: ThreadCall, hooks: RunHooks = {}): Promise<ThreadResult> {
    const entry: Call = { call, hooks, controller: new AbortController() };
    const forwardAbort = () => entry.controller.abort(cancelledFailure());
    if (hooks.signal?.aborted) throw cancelledFailure();
    hooks.signal?.addEventListener('abort', forwardAbort, { once: true });
    this.calls.set(call.jobId, entry);
    try {
      return (await this.pool.run(call, { signal: entry.controller.signal })) as ThreadResult;
    } catch (error) {
      throw this.failureOf(entry, error);
    } finally {
      clearTimeout(entry.timer);
      hooks.signal?.removeEventListener('abort', forwardAbort);
      this.calls.delete(call.jobId);
    }
  }

  threads(): ThreadState[] {
    const running = new Map<number, { job: string; task: string }>();
    for (const { call, thread } of this.calls.values()) {
      if (thread !== undefined) running.set(thread, { job: call.jobId, task: call.task });
    }
    return this.pool.threads.map(({ threadId }) => ({ thread: threadId, running: running.get(threadId) }));
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }

  private onMessage(message: ThreadMessage): void {
    const entry = this.calls.get(message.jobId);
    if (!entry) return;
    if (message.kind === 'progress') {
      entry.hooks.onProgress?.(message.fraction);
      return;
    }
    entry.thread = message.thread;
    const task = this.catalogue.get(entry.call.task);
    if (task) {
      entry.timer = setTimeout(
        () => entry.controller.abort(timeoutFailure(task.name, task.timeLimitMs)),
        task.timeLimitMs,
      );
    }
    entry.hooks.onStart?.(message.thread);
  }

  private failureOf(entry: Call, error: unknown): TaskFailure {
    const reason: unknown = entry.controller.signal.reason;
    if (entry.controller.signal.aborted && reason instanceof TaskFailure) return reason;
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new TaskFailure(
        'memory',
        `Task „${entry.call.task}“ hat die Speichergrenze von ${this.memoryMb} MB überschritten und wurde beendet.`,
      );
    }
    return taskError(entry.call.task, error);
  }
}
