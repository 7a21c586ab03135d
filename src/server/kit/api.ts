import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { TLocalizedValidationError } from 'typebox/error';
import { Compile } from 'typebox/schema';
import type { ByteBudget } from './byte-budget';
import { HttpError } from './errors';
import { invalidInput } from './validation';

export interface ApiOptions {
  /** Who answers, for the 415 message: `Der Tracking-Server`. */
  service: string;
  /** Content types parsed as JSON; anything else is a 415. */
  jsonTypes?: string[];
  /** How a body field is named in a refusal: `body` gives `body.path`, `` gives `params[2]`. */
  bodyPrefix?: string;
  /** Largest body in bytes for every route of the scope; by default the route's own limit. */
  bodyLimit?: number;
  /** Body bytes each client may have parsed per window; over it, 429 before parsing. */
  budget?: ByteBudget;
}

interface Settings {
  service: string;
  jsonTypes: string[];
  bodyPrefix: string;
  bodyLimit: number | undefined;
  budget: ByteBudget | undefined;
}

type Schema = { type?: unknown; properties?: Record<string, { type?: unknown }> };

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Query strings, path parameters and headers arrive as text. Digits become numbers (no
 * exponents, no `Infinity`: those stay text and fail the schema), `true`/`false` booleans;
 * bodies are never converted.
 */
function textConverter(schema: Schema): ((data: unknown) => unknown) | undefined {
  const kinds = Object.entries(schema.properties ?? {}).filter(([, property]) =>
    ['integer', 'number', 'boolean'].includes(String(property.type)),
  );
  if (kinds.length === 0) return undefined;
  return (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const converted: Record<string, unknown> = { ...data };
    for (const [key, { type }] of kinds) {
      const text = converted[key];
      if (typeof text !== 'string') continue;
      if ((type === 'integer' && INTEGER.test(text)) || (type === 'number' && DECIMAL.test(text))) {
        converted[key] = Number(text);
      } else if (type === 'boolean' && (text === 'true' || text === 'false')) {
        converted[key] = text === 'true';
      }
    }
    return converted;
  };
}

function bodyTooLarge(request: FastifyRequest, settings: Settings): HttpError {
  const limit = settings.bodyLimit ?? request.routeOptions.bodyLimit;
  return new HttpError(413, `Die Anfrage ist zu groß: höchstens ${limit} Bytes.`, { limit });
}

function overBudget(budget: ByteBudget): HttpError {
  return new HttpError(
    429,
    `Sie haben in ${budget.windowMs / 1000} s schon ${budget.bytesPerWindow / 1024 / 1024} MiB an Anfragen geschickt. Bitte warten Sie etwas.`,
    { limit: budget.bytesPerWindow },
    budget.retryAfterS(),
  );
}

function explain(error: FastifyError, request: FastifyRequest, options: Settings): HttpError {
  if (error instanceof HttpError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(request, options);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(
        415,
        `${options.service} nimmt nur JSON an (Content-Type: ${options.jsonTypes.join(' oder ')}).`,
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new HttpError(400, 'Die Länge der Anfrage stimmt nicht mit Content-Length überein.');
  }
  const status = error.statusCode ?? 500;
  if (status === 404) return new HttpError(404, 'Diese Adresse gibt es nicht.');
  if (status >= 400 && status < 500) return new HttpError(status, 'Die Anfrage wurde abgelehnt.');
  return new HttpError(500, `${options.service} hat einen internen Fehler.`);
}

/**
 * The edge every API plugin of the course shares, set up in the plugin's own scope: TypeBox
 * validation (bodies exactly as sent, query and path text converted strictly), a JSON parser
 * for the given content types (within an optional byte budget per client) and 415 for all
 * others, and the one error reply (ErrorReply).
 * A refusal logs one line without a stack; only an unexpected error logs its stack.
 */
export function configureApi(app: FastifyInstance, options: ApiOptions): void {
  const settings: Settings = {
    jsonTypes: ['application/json'],
    bodyPrefix: 'body',
    bodyLimit: undefined,
    budget: undefined,
    ...options,
  };
  const { budget } = settings;

  app.setValidatorCompiler(({ schema, httpPart }) => {
    const validator = Compile(schema as Parameters<typeof Compile>[0]);
    const convert = httpPart === 'body' ? undefined : textConverter(schema as Schema);
    const prefix = httpPart === 'body' ? settings.bodyPrefix : '';
    return (data: unknown) => {
      const value = convert ? convert(data) : data;
      if (validator.Check(value)) return { value };
      const errors = validator.Errors(value)[1] as TLocalizedValidationError[];
      return { error: invalidInput(prefix, errors) };
    };
  });

  // Refused on the declared length alone, before a byte of the body is read: a flood of large
  // bodies costs a header each. A body without Content-Length is booked once it is read.
  app.addHook('onRequest', (request, _reply, done) => {
    const declared = Number(request.headers['content-length']);
    if (!(declared > 0)) return done();
    if (declared > (settings.bodyLimit ?? request.routeOptions.bodyLimit)) return done(bodyTooLarge(request, settings));
    if (budget && !budget.take(request.ip, declared)) return done(overBudget(budget));
    done();
  });

  app.removeAllContentTypeParsers();
  const parserLimit = settings.bodyLimit === undefined ? {} : { bodyLimit: settings.bodyLimit };
  app.addContentTypeParser(settings.jsonTypes, { parseAs: 'string', ...parserLimit }, (request, body, done) => {
    const text = body as string;
    const unbooked = request.headers['content-length'] === undefined;
    if (budget && unbooked && !budget.take(request.ip, Buffer.byteLength(text))) {
      done(overBudget(budget));
      return;
    }
    try {
      done(null, text === '' ? undefined : JSON.parse(text));
    } catch (error) {
      done(new HttpError(400, `Die Anfrage ist kein gültiges JSON: ${(error as Error).message}`));
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = explain(error, request, settings);
    if (error instanceof HttpError || problem.statusCode < 500) {
      request.log.info(`${problem.statusCode}: ${problem.message}`);
    } else {
      request.log.error(error);
    }
    if (problem.retryAfterS !== undefined) reply.header('retry-after', String(problem.retryAfterS));
    // The rest of an oversized body is not worth reading: the connection ends with the answer.
    if (problem.statusCode === 413) reply.header('connection', 'close');
    return reply.code(problem.statusCode).send(problem.reply());
  });
}

/** `@fastify/rate-limit`'s refusal as HttpError: German, with the limit. */
export function rateLimitError(
  _request: FastifyRequest,
  context: { max: number; ttl: number; after: string },
): HttpError {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
  return new HttpError(429, `Zu viele Anfragen von Ihrer Adresse. Bitte in ${seconds} s erneut versuchen.`, {
    limit: context.max,
  });
}
