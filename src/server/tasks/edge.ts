import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { TLocalizedValidationError } from 'typebox/error';
import { Compile } from 'typebox/schema';
import type { ApiError } from '../../shared/tasks';
import type { ByteBudget } from './byte-budget';
import { HttpError } from '../kit/errors';
import { invalidInput } from '../kit/validation';
import { TaskServerError } from './errors';

/**
 * The plugin's edge: strict schema validation (no type coercion), its own JSON parser with a
 * body limit and a byte budget per client (any other content type gets 415), and one error format – `{statusCode, error, message, field?, limit?, tasks?}`.
 */
export function configureEdge(app: FastifyInstance, bodyLimit: number, budget: ByteBudget): void {
  app.setValidatorCompiler(({ schema }) => {
    const validator = Compile(schema as Parameters<typeof Compile>[0]);
    return (data: unknown) => (validator.Check(data) ? { value: data } : { error: validator.Errors(data)[1] as never });
  });

  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body as string;
    if (!budget.take(request.ip, text.length)) {
      const megabytes = budget.bytesPerWindow / 1024 / 1024;
      done(
        new TaskServerError(
          429,
          `Sie haben in ${budget.windowMs / 1000} s schon ${megabytes} MiB an Anfragen geschickt. Bitte warten Sie etwas.`,
          { limit: budget.bytesPerWindow },
          budget.retryAfterS(),
        ),
      );
      return;
    }
    try {
      done(null, text === '' ? undefined : JSON.parse(text));
    } catch (error) {
      done(new TaskServerError(400, `Die Anfrage ist kein gültiges JSON: ${(error as Error).message}`));
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = explain(error, bodyLimit);
    if (problem.statusCode >= 500 && !(error instanceof HttpError)) request.log.error(error);
    if (problem.retryAfterS !== undefined) reply.header('retry-after', String(problem.retryAfterS));
    // The rest of an oversized body is not worth reading: the connection ends with the answer.
    if (problem.statusCode === 413) reply.header('connection', 'close');
    const body: ApiError = {
      statusCode: problem.statusCode,
      error: STATUS_CODES[problem.statusCode] ?? 'Error',
      message: problem.message,
      ...problem.details,
    };
    return reply.code(problem.statusCode).send(body);
  });
}

function explain(error: FastifyError, bodyLimit: number): HttpError {
  if (error instanceof HttpError) return error;
  if (error.validation) return invalidInput('', error.validation as unknown as TLocalizedValidationError[]);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new TaskServerError(413, `Die Anfrage ist zu groß: höchstens ${bodyLimit} Bytes.`, { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new TaskServerError(415, 'Der Task-Server nimmt nur JSON an (Content-Type: application/json).');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new TaskServerError(status, error.message);
  return new TaskServerError(500, 'Interner Fehler im Task-Server.');
}
