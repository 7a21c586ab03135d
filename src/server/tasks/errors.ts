import type { Failure } from '../../shared/tasks';
import { HttpError, type ErrorDetails } from '../kit/errors';

/** Everything that can go wrong with a task request, each with its HTTP status and a German reason. */
export class TaskServerError extends HttpError {
  declare readonly details: ErrorDetails & { tasks?: string[] };

  constructor(
    statusCode: number,
    message: string,
    details: ErrorDetails & { tasks?: string[] } = {},
    retryAfterS?: number,
  ) {
    super(statusCode, message, details, retryAfterS);
  }
}

export class UnknownTaskError extends TaskServerError {
  constructor(name: string, known: string[]) {
    super(404, `Unbekannte Task „${name}“. Bekannt sind: ${known.join(', ')}.`, { field: 'task', tasks: known });
  }
}

export class JobNotFoundError extends TaskServerError {
  constructor(id: string) {
    super(404, `Job „${id}“ gibt es nicht (mehr).`, { field: 'id' });
  }
}

export class JobConflictError extends TaskServerError {
  constructor(id: string) {
    super(409, `Job „${id}“ gibt es schon, mit einer anderen Task oder anderen Parametern.`, { field: 'id' });
  }
}

/** A crash the lecture demo may not cause: the job is not running, or it has used its attempts. */
export class CrashRefusedError extends TaskServerError {
  constructor(message: string) {
    super(409, message, { field: 'id' });
  }
}

export class QueueFullError extends TaskServerError {
  constructor(limit: number) {
    super(503, `Die Warteschlange ist voll (${limit} Jobs). Bitte gleich noch einmal versuchen.`, { limit }, 2);
  }
}

export class BackendUnavailableError extends TaskServerError {
  constructor(reason: string) {
    super(503, reason, {}, 5);
  }
}

const FAILURE_STATUS: Record<Failure, number> = { timeout: 504, memory: 422, cancelled: 409, error: 422 };

/** A job that did not complete, and why; answered by `/api/execute` with the matching status. */
export class TaskFailure extends TaskServerError {
  constructor(
    readonly kind: Failure,
    message: string,
  ) {
    super(FAILURE_STATUS[kind], message);
  }
}

export function timeoutFailure(task: string, limitMs: number): TaskFailure {
  return new TaskFailure(
    'timeout',
    `Task „${task}“ hat ihr Zeitlimit von ${limitMs} ms überschritten und wurde beendet.`,
  );
}

export function cancelledFailure(): TaskFailure {
  return new TaskFailure('cancelled', 'Der Job wurde abgebrochen.');
}

export function taskError(task: string, error: unknown): TaskFailure {
  const message = error instanceof Error ? error.message : String(error);
  return new TaskFailure('error', `Task „${task}“ ist fehlgeschlagen: ${message}`);
}
