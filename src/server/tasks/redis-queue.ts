/** What the Redis runner (producer) and the worker processes (consumers) agree on. */
import type { RedisOptions } from 'ioredis';
import { FAILURES, type Failure } from '../../shared/tasks';
import type { TaskFailure } from './errors';

export interface RedisQueueOptions {
  redisUrl: string;
  /** BullMQ queue name; all servers and workers of one course share it. */
  queueName?: string;
  /** Prefix of every Redis key. */
  prefix?: string;
}

export const DEFAULT_QUEUE = 'tasks';
export const DEFAULT_PREFIX = 'vs';

export interface JobData {
  task: string;
  params: unknown;
  /** The client's key (a digest of its IP) and the token that cancels the job. */
  client: string;
  cancelToken: string;
}

export interface JobReturn {
  value: unknown;
  durationMs: number;
  worker: string;
  task: string;
}

/** Reconnect quickly and forever: the service recovers by itself once Redis is back. */
const retryStrategy = (attempt: number) => Math.min(100 * attempt, 1_000);

/**
 * Blocking connections (BullMQ workers, queue events) wait for Redis as long as it takes; a
 * command connection fails fast while Redis is away, so an HTTP request can answer 503 at once.
 */
export function connectionOptions(kind: 'blocking' | 'command'): RedisOptions {
  return kind === 'blocking'
    ? { maxRetriesPerRequest: null, retryStrategy }
    : {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: 2_000,
        connectTimeout: 2_000,
        retryStrategy,
      };
}

export function queueKeys(prefix: string, queueName: string) {
  const base = `${prefix}:${queueName}`;
  return {
    workers: `${base}:workers`,
    worker: (id: string) => `${base}:worker:${id}`,
    cancel: `${base}:cancel`,
    crash: `${base}:crash`,
  };
}
export type QueueKeys = ReturnType<typeof queueKeys>;

/** A failure travels through Redis as the job's failedReason. */
export function encodeFailure(failure: TaskFailure): string {
  return JSON.stringify({ kind: failure.kind, message: failure.message });
}

export function decodeFailure(reason: string | undefined): { kind: Failure; message: string } {
  try {
    const parsed = JSON.parse(reason ?? '') as { kind?: unknown; message?: unknown };
    if (FAILURES.includes(parsed.kind as Failure) && typeof parsed.message === 'string') {
      return { kind: parsed.kind as Failure, message: parsed.message };
    }
  } catch {
    // A reason written by BullMQ itself (e.g. a job stalled too often) is plain text.
  }
  return { kind: 'error', message: reason || 'Der Job ist fehlgeschlagen.' };
}

/** The Redis address without its password, for messages. */
export function displayUrl(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'Redis';
  }
}
