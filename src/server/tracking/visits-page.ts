import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AfterQuerySchema, VISITS_LIVE_FILE, VisitPageQuerySchema } from '../../shared/tracking';
import { errorReplies, HttpError } from '../kit/errors';
import type { TrackingContext } from './context';
import { PAGE_CSP, renderPage, renderRows } from './visits-html';

const tags = ['tracking'];
const html = { type: 'string', description: 'text/html' } as const;
const ROWS_PER_UPDATE = 100;

/** `/visits`: the list of exercise 1 as a readable, paged page with a live mode. */
export async function visitsPage(parent: FastifyInstance, context: TrackingContext): Promise<void> {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const { store, options } = context;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', PAGE_CSP).header('x-content-type-options', 'nosniff');
  });

  app.get(
    '/visits',
    {
      schema: {
        summary: 'The visits as an HTML page, newest first',
        tags,
        querystring: VisitPageQuerySchema,
        response: { 200: html, ...errorReplies(400) },
      },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 50;
      const visits = await store.list(limit + 1, request.query.before);
      const page = visits.slice(0, limit);
      const next = visits.length > limit ? (page.at(-1)?.id ?? null) : null;
      const live = request.query.before !== undefined ? 'off' : options.liveScript === undefined ? 'unbuilt' : 'on';
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderPage({ visits: page, next, limit, live, ipMode: options.ipMode }));
    },
  );

  app.get(
    '/visits/rows',
    {
      schema: {
        summary: 'Table rows of visits newer than `after`, newest first (for the live mode)',
        tags,
        querystring: { ...AfterQuerySchema, required: ['after'] },
        response: { 200: html, ...errorReplies(400) },
      },
    },
    async (request, reply) => {
      const visits = await store.since(request.query.after, ROWS_PER_UPDATE);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderRows(visits.reverse()));
    },
  );

  app.get(
    `/${VISITS_LIVE_FILE}`,
    {
      schema: {
        summary: 'Script of the live mode, from the built site',
        tags,
        response: { 200: { type: 'string' }, ...errorReplies(404) },
      },
    },
    async (_request, reply) => {
      if (options.liveScript === undefined) {
        throw new HttpError(404, 'Das Skript des Live-Modus fehlt: Die Website ist nicht gebaut (npm run build).');
      }
      return reply.type('text/javascript; charset=utf-8').send(options.liveScript);
    },
  );
}
