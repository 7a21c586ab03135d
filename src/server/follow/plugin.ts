import type { FastifyInstance } from 'fastify';
import {
  FOLLOW_PATH,
  FollowInputSchema,
  FollowParamsSchema,
  FollowStateSchema,
  type FollowState,
  type LectureTimer,
} from '../../shared/follow';
import { configureApi } from '../kit/api';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies } from '../kit/errors';
import { FollowChannels, type FollowChannelsOptions } from './channels';
import { followStateRoutes } from './state';
import { followToolRoutes } from './tools';

export interface FollowOptions extends FollowChannelsOptions {
  /** PRESENTER_TOKEN; without it nobody can publish and POST answers 503. */
  presenterToken: string | undefined;
  /** The channels to serve; by default new ones from the other options. */
  channels?: FollowChannels;
}

const tags = ['follow'];

/** Audience-follow: the presenter view publishes its slide per deck, followers get it over SSE. */
export async function followPlugin(app: FastifyInstance, options: FollowOptions): Promise<void> {
  configureApi(app, { service: 'Der Folgen-Dienst' });
  const channels = options.channels ?? new FollowChannels(options);
  await channels.listen();
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => channels.closeAll());
  await followStateRoutes(app, { channels, presenterToken: options.presenterToken });
  await followToolRoutes(app, { channels, presenterToken: options.presenterToken });

  app.get<{ Params: { deck: string } }>(
    `${FOLLOW_PATH}/:deck`,
    {
      schema: {
        summary: 'Current slide of the lecturer',
        tags,
        params: FollowParamsSchema,
        response: { 200: FollowStateSchema, ...errorReplies(400, 404) },
      },
    },
    async (request) => channels.state(request.params.deck),
  );

  app.post<{ Params: { deck: string }; Body: { index: number; blackout?: boolean; timer?: LectureTimer } }>(
    `${FOLLOW_PATH}/:deck`,
    {
      schema: {
        summary: 'Publish the lecturer’s slide (presenter)',
        description:
          'With `blackout: true` followers’ screens go black until the next publish without it. ' +
          'Needs `Authorization: Bearer <PRESENTER_TOKEN>`: 401 without, 403 with a wrong one, 503 when ' +
          'PRESENTER_TOKEN is unset. Opens the deck’s channel when the site does not have the deck.',
        tags,
        params: FollowParamsSchema,
        headers: BearerHeadersSchema,
        body: FollowInputSchema,
        response: { 200: FollowStateSchema, ...errorReplies(400, 401, 403, 415, 503) },
      },
      preValidation: bearerAuth({ token: options.presenterToken, variable: 'PRESENTER_TOKEN', action: 'Folgen' }),
    },
    async (request): Promise<FollowState> =>
      channels.publish(request.params.deck, request.body.index, request.body.blackout, request.body.timer),
  );

  app.get<{ Params: { deck: string } }>(
    `${FOLLOW_PATH}/:deck/events`,
    {
      // A HEAD request would hold a follower slot that nothing ever reads or frees.
      exposeHeadRoute: false,
      schema: {
        summary: 'Server-Sent Events of the lecturer’s slide',
        description:
          'Event `slide` (data: FollowState) on connect, once the lecturer has published, and on every change ' +
          '(live false: the presenter has left); event `demo` ({key, state}) for each demo state and `ink` ' +
          '(InkState) for the strokes of the lecturer’s slide, also on connect; `laser` (LaserState) and ' +
          '`remote` ({command}, for the presenter view) as they come.',
        tags,
        params: FollowParamsSchema,
        response: {
          200: { description: 'text/event-stream: events `slide` and `demo`' },
          ...errorReplies(400, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      await channels.open(request.params.deck, request, reply);
      return reply;
    },
  );
}
