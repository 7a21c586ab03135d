import { STATUS_CODES } from 'node:http';
import { ErrorReplySchema, type ErrorReply } from '../../shared/errors';

export interface ErrorDetails {
  field?: string;
  limit?: number;
}

/**
 * A refusal with its HTTP status and a German reason; the error handler answers it as an ErrorReply.
 * An answer, not a bug: it carries no stack trace, so refusing a flood of requests costs little.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details: ErrorDetails = {},
    readonly retryAfterS?: number,
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = new.target.name;
  }

  reply(): ErrorReply {
    return {
      statusCode: this.statusCode,
      error: STATUS_CODES[this.statusCode] ?? 'Error',
      message: this.message,
      ...this.details,
    };
  }
}

/** The `response` entries of a route's schema for the error statuses it may answer. */
export function errorReplies(...codes: number[]): Record<number, typeof ErrorReplySchema> {
  return Object.fromEntries(codes.map((code) => [code, ErrorReplySchema]));
}
