import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { configureApi } from '../kit/api';
import { ByteBudget } from '../kit/byte-budget';
import type { SharedLimits } from '../kit/fanout';
import type { StreamLimits } from '../kit/sse';
import { TaskServerError } from './errors';
import type { TaskRunner } from './runner';
import { demoRoutes } from './routes/demos';
import { executeRoutes } from './routes/execute';
import { infoRoutes } from './routes/info';
import { jobRoutes } from './routes/jobs';

/**
 * 10,000 numbers of up to 24 characters and a comma each, with room to spare: a larger body is
 * refused before it is parsed, so parsing a hostile body costs a few milliseconds at most.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** Four of the largest bodies per 10 s and client: far beyond what a person sends by hand. */
export const BYTES_PER_10S = 4 * MAX_BODY_BYTES;

export interface TasksPluginOptions {
  runner: TaskRunner;
  /** Origins whose pages may call the API (a widget pointed at this server from elsewhere). */
  corsOrigins?: string[];
  /** Requests per client IP and window; `false` turns flood protection off (benchmarks). */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Cancels any job (`DELETE /api/jobs/:id` with `Authorization: Bearer <ADMIN_TOKEN>`). */
  adminToken?: string;
  /** Allows the lecture's demos to crash a worker and start the load generator (PRESENTER_TOKEN). */
  presenterToken?: string;
  /** Body bytes one client may send in 10 s before it gets 429 unparsed. */
  bytesPer10s?: number;
  /** Largest accepted request body in bytes; the default fits every task's largest parameters. */
  bodyLimit?: number;
  /** Counts the rate limit of all instances together; per instance by default. */
  limits?: SharedLimits;
  /** Caps of the job event streams. */
  streams?: Partial<StreamLimits>;
}

/** The task server's HTTP API under /api; the runner decides where the tasks run. */
export async function tasksPlugin(app: FastifyInstance, options: TasksPluginOptions): Promise<void> {
  await app.register(api, { ...options, prefix: '/api' });
}

async function api(app: FastifyInstance, options: TasksPluginOptions): Promise<void> {
  const { runner, corsOrigins = [], bodyLimit = MAX_BODY_BYTES } = options;
  const limit = options.rateLimit ?? { max: 1_200, windowMs: 60_000 };
  configureApi(app, {
    service: 'Der Task-Server',
    // Task parameters are named as the task's catalogue names them: `params[2]`, not `body.params[2]`.
    bodyPrefix: '',
    bodyLimit,
    budget: new ByteBudget(options.bytesPer10s ?? BYTES_PER_10S, 10_000),
  });
  await app.register(cors, {
    origin: corsOrigins.length > 0 ? corsOrigins : false,
    methods: ['GET', 'POST', 'DELETE'],
    exposedHeaders: ['location', 'retry-after', 'x-instance'],
    maxAge: 600,
  });
  if (limit) {
    await app.register(rateLimit, {
      ...(options.limits ? { ...options.limits, skipOnError: true } : {}),
      max: limit.max,
      timeWindow: limit.windowMs,
      errorResponseBuilder: (_request, context) =>
        new TaskServerError(
          429,
          `Zu viele Anfragen: höchstens ${context.max} in ${limit.windowMs / 1000} s. Wieder möglich in ${context.after}.`,
          { limit: context.max },
        ),
    });
  }
  await app.register(infoRoutes, { runner });
  await app.register(executeRoutes, { runner });
  await app.register(jobRoutes, { runner, adminToken: options.adminToken, streams: options.streams });
  await app.register(demoRoutes, { runner, presenterToken: options.presenterToken });
}
