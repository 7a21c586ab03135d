import { createHash, timingSafeEqual } from 'node:crypto';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BUCKETS,
  DeletedSchema,
  DroppedSchema,
  ErrorSchema,
  MAX_BODY_BYTES,
  MAX_PAGE_SIZE,
  StatsQuerySchema,
  TrackingStatusSchema,
  VisitInputSchema,
  VisitPageQuerySchema,
  VisitPageSchema,
  VisitSchema,
  VisitStatsSchema,
} from '../../shared/tracking';
import { dropReason } from './bots';
import type { TrackingContext } from './context';

const tags = ['tracking'];
/** Longer user agents are cut; real ones stay far below. */
const MAX_USER_AGENT = 1024;
const STATS_BUCKETS = { minute: 60, hour: 48 } as const;

function httpError(statusCode: number, message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { statusCode });
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

async function parseJson(_request: FastifyRequest, body: string): Promise<unknown> {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw httpError(400, `Body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The JSON API under /api/visits. */
export async function visitsApi(parent: FastifyInstance, context: TrackingContext): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { store, stream, counters, privacy, options } = context;

  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    methods: ['GET', 'POST', 'DELETE'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    onExceeded: () => {
      counters.rateLimited += 1;
    },
  });
  // navigator.sendBeacon posts a string as text/plain: it is the same JSON.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, parseJson);

  app.post(
    '',
    {
      bodyLimit: MAX_BODY_BYTES,
      // Checks the body as sent: Fastify's default would coerce a number into a path.
      validatorCompiler: TypeBoxValidatorCompiler,
      config: { rateLimit: { max: options.rateLimit, timeWindow: 1000 } },
      schema: {
        summary: 'Record a page view',
        description:
          'Stores one visit with the client IP (as TRACKING_IP says), server time, path, referrer ' +
          'and user agent. Answers only after the visit is committed. Known bots are not counted.',
        tags,
        body: VisitInputSchema,
        response: {
          201: VisitSchema,
          202: DroppedSchema,
          400: ErrorSchema,
          413: ErrorSchema,
          415: ErrorSchema,
          429: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const reason = dropReason(request.headers);
      if (reason) {
        counters.dropped[reason] += 1;
        return reply.code(202).send({ dropped: reason });
      }
      const at = Date.now();
      const visit = await store
        .add({
          at,
          ip: privacy(request.ip, at),
          path: request.body.path,
          referrer: request.body.referrer ?? '',
          userAgent: (request.headers['user-agent'] ?? '').slice(0, MAX_USER_AGENT),
        })
        .catch((error: unknown) => {
          throw httpError(503, 'Visit not recorded: the visit store is unavailable', error);
        });
      stream.publish('visit', visit);
      return reply.code(201).send(visit);
    },
  );

  app.get(
    '',
    {
      schema: {
        summary: 'List visits, newest first',
        description: 'Cursor-paged: pass `next` of one page as `before` to get the next one.',
        tags,
        querystring: VisitPageQuerySchema,
        response: { 200: VisitPageSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const limit = Math.min(request.query.limit ?? 50, MAX_PAGE_SIZE);
      const visits = await store.list(limit + 1, request.query.before);
      const page = visits.slice(0, limit);
      return { visits: page, next: visits.length > limit ? (page.at(-1)?.id ?? null) : null };
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        summary: 'Visits per minute or per hour, for a chart',
        tags,
        querystring: StatsQuerySchema,
        response: { 200: VisitStatsSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const bucket = request.query.bucket ?? 'minute';
      const width = BUCKETS[bucket];
      const buckets = STATS_BUCKETS[bucket];
      const from = (Math.floor(Date.now() / width) - buckets + 1) * width;
      const [rows, total] = await Promise.all([store.countPerBucket(width, from), store.count()]);
      const counts = new Map(rows.map((row) => [row.start, row.count]));
      return {
        bucket,
        total,
        counts: Array.from({ length: buckets }, (_, index) => {
          const start = from + index * width;
          return { start: new Date(start).toISOString(), count: counts.get(start) ?? 0 };
        }),
      };
    },
  );

  app.get(
    '/stream',
    {
      // A HEAD request would hold a stream slot that nothing ever reads or frees.
      exposeHeadRoute: false,
      schema: {
        summary: 'Server-Sent Events of new visits',
        description:
          'Event `visit` (data: a Visit, id: its id) for every recorded visit, `cleared` after a ' +
          'DELETE. A reconnecting client (Last-Event-ID or ?after=) first gets what it missed.',
        tags,
        querystring: {
          type: 'object',
          properties: { after: { type: 'integer', minimum: 0 } },
          additionalProperties: false,
        },
        headers: {
          type: 'object',
          properties: { 'last-event-id': { type: 'integer', minimum: 0 } },
        },
        response: {
          200: { description: 'text/event-stream: events `visit` and `cleared`' },
          503: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      if (stream.size >= stream.maxClients) {
        throw httpError(503, 'Too many stream clients, try again later');
      }
      const after = request.headers['last-event-id'] ?? request.query.after;
      const body = stream.open(after === undefined ? undefined : () => store.since(after, MAX_PAGE_SIZE));
      return reply
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(body);
    },
  );

  app.get(
    '/status',
    {
      schema: {
        summary: 'State of the tracking service',
        tags,
        response: { 200: TrackingStatusSchema },
      },
    },
    async () => ({
      store: store.kind,
      ipMode: options.ipMode,
      visits: await store.count(),
      dropped: counters.dropped,
      rateLimited: counters.rateLimited,
      streamClients: stream.size,
    }),
  );

  app.delete(
    '',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        summary: 'Delete every visit (admin)',
        description: 'Needs `Authorization: Bearer <ADMIN_TOKEN>`; disabled when ADMIN_TOKEN is unset.',
        tags,
        headers: {
          type: 'object',
          properties: { authorization: { type: 'string' } },
        },
        response: { 200: DeletedSchema, 401: ErrorSchema, 403: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (!options.adminToken) throw httpError(403, 'Deleting visits is disabled: ADMIN_TOKEN is not set');
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!given || !sameSecret(given, options.adminToken)) {
        reply.header('www-authenticate', 'Bearer');
        throw httpError(401, 'Wrong or missing admin token');
      }
      const deleted = await store.clear();
      stream.publish('cleared');
      return { deleted };
    },
  );
}
