import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  FOLLOW_PATH,
  FollowErrorSchema,
  FollowInputSchema,
  FollowParamsSchema,
  FollowStateSchema,
  type FollowState,
} from '../../shared/follow';
import { FollowChannels, FollowLimitError } from './channels';

export interface FollowOptions {
  /** PRESENTER_TOKEN; without it nobody can publish and POST answers 503. */
  presenterToken: string | undefined;
  channels?: FollowChannels;
}

const tags = ['follow'];

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function limited<T>(open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof FollowLimitError) throw httpError(503, error.message);
    throw error;
  }
}

/** Audience-follow: the presenter view publishes its slide per deck, followers get it over SSE. */
export async function followPlugin(app: FastifyInstance, options: FollowOptions): Promise<void> {
  const channels = options.channels ?? new FollowChannels();
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => channels.closeAll());

  app.get<{ Params: { deck: string } }>(
    `${FOLLOW_PATH}/:deck`,
    {
      schema: {
        summary: 'Current slide of the lecturer',
        tags,
        params: FollowParamsSchema,
        response: { 200: FollowStateSchema, 400: FollowErrorSchema },
      },
    },
    async (request) => channels.state(request.params.deck),
  );

  app.post<{ Params: { deck: string }; Body: { index: number } }>(
    `${FOLLOW_PATH}/:deck`,
    {
      schema: {
        summary: 'Publish the lecturer’s slide (presenter)',
        description: 'Needs `Authorization: Bearer <PRESENTER_TOKEN>`; 503 when PRESENTER_TOKEN is unset.',
        tags,
        params: FollowParamsSchema,
        headers: { type: 'object', properties: { authorization: { type: 'string' } } },
        body: FollowInputSchema,
        response: {
          200: FollowStateSchema,
          400: FollowErrorSchema,
          401: FollowErrorSchema,
          403: FollowErrorSchema,
          503: FollowErrorSchema,
        },
      },
      // The token is checked before the body is even validated.
      preValidation: async (request, reply) => {
        if (!options.presenterToken) throw httpError(503, 'Folgen ist nicht eingerichtet: PRESENTER_TOKEN fehlt');
        const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!given) {
          reply.header('www-authenticate', 'Bearer');
          throw httpError(401, 'Presenter-Token fehlt');
        }
        if (!sameSecret(given, options.presenterToken)) throw httpError(403, 'Falsches Presenter-Token');
      },
    },
    async (request): Promise<FollowState> => limited(() => channels.publish(request.params.deck, request.body.index)),
  );

  app.get<{ Params: { deck: string } }>(
    `${FOLLOW_PATH}/:deck/events`,
    {
      // A HEAD request would hold a follower slot that nothing ever reads or frees.
      exposeHeadRoute: false,
      schema: {
        summary: 'Server-Sent Events of the lecturer’s slide',
        description:
          'Event `slide` (data: FollowState) on connect, once the lecturer has published, and on every change.',
        tags,
        params: FollowParamsSchema,
        response: {
          200: { description: 'text/event-stream: events `slide`' },
          400: FollowErrorSchema,
          503: FollowErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const body = limited(() => channels.open(request.params.deck));
      return reply
        .type('text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(body);
    },
  );
}
