import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  AfterQuerySchema,
  BUCKETS,
  DeletedSchema,
  DroppedSchema,
  MAX_BODY_BYTES,
  MAX_PAGE_SIZE,
  StatsQuerySchema,
  TrackingStatusSchema,
  VisitInputSchema,
  VisitPageQuerySchema,
  VisitPageSchema,
  VisitSchema,
  VisitStatsSchema,
  VISIT_ID,
} from '../../shared/tracking';
import { rateLimitError } from '../kit/api';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies, HttpError } from '../kit/errors';
import { dropReason } from './bots';
import type { TrackingContext } from './context';

const tags = ['tracking'];
/** Longer user agents are cut; real ones stay far below. */
const MAX_USER_AGENT = 1024;
const STATS_BUCKETS = { minute: 60, hour: 48 } as const;

/** The JSON API under /api/visits. */
export async function visitsApi(parent: FastifyInstance, context: TrackingContext): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { store, stream, counters, privacy, options } = context;

  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    methods: ['GET', 'POST', 'DELETE'],
    exposedHeaders: ['x-instance'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    ...(options.limits ? { ...options.limits, skipOnError: true } : {}),
    global: false,
    errorResponseBuilder: rateLimitError,
    onExceeded: () => {
      counters.rateLimited += 1;
    },
  });
  app.post(
    '',
    {
      bodyLimit: MAX_BODY_BYTES,
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
          ...errorReplies(400, 413, 415, 429, 503),
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
          request.log.error(error);
          throw new HttpError(503, 'Der Besuch wurde nicht gespeichert: Der Speicher ist nicht erreichbar.', {}, 5);
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
        response: { 200: VisitPageSchema, ...errorReplies(400) },
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
        response: { 200: VisitStatsSchema, ...errorReplies(400) },
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
        querystring: AfterQuerySchema,
        headers: {
          type: 'object',
          properties: { 'last-event-id': { ...VISIT_ID, description: 'Id of the last visit the client got' } },
        },
        response: {
          200: { description: 'text/event-stream: events `visit` and `cleared`' },
          ...errorReplies(400, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const after = request.headers['last-event-id'] ?? request.query.after;
      stream.open(request, reply, after === undefined ? undefined : () => store.since(after, MAX_PAGE_SIZE));
      return reply;
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
        description:
          'Needs `Authorization: Bearer <ADMIN_TOKEN>`: 401 without, 403 with a wrong one, 503 when ADMIN_TOKEN is unset.',
        tags,
        headers: BearerHeadersSchema,
        response: { 200: DeletedSchema, ...errorReplies(401, 403, 429, 503) },
      },
      preValidation: bearerAuth({ token: options.adminToken, variable: 'ADMIN_TOKEN', action: 'Besuche löschen' }),
    },
    async () => {
      const deleted = await store.clear();
      stream.publish('cleared');
      return { deleted };
    },
  );
}
