import type { FastifyInstance } from 'fastify';
import {
  FOLLOW_PATH,
  FollowDemoParamsSchema,
  FollowDemoStateSchema,
  FollowDemoStoredSchema,
  MAX_DEMO_STATE_BYTES,
} from '../../shared/follow';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies } from '../kit/errors';
import type { FollowChannels } from './channels';

const tags = ['follow'];

/**
 * What the presenter's window shows besides the slide: each demo's state, keyed per deck, for
 * the followers, and for those who join late.
 */
export async function followStateRoutes(
  app: FastifyInstance,
  { channels, presenterToken }: { channels: FollowChannels; presenterToken: string | undefined },
): Promise<void> {
  app.put<{ Params: { deck: string; key: string }; Body: unknown }>(
    `${FOLLOW_PATH}/:deck/state/:key`,
    {
      bodyLimit: MAX_DEMO_STATE_BYTES,
      schema: {
        summary: 'Publish a demo’s state (presenter)',
        description:
          `Needs \`Authorization: Bearer <PRESENTER_TOKEN>\`. Followers get it as event \`demo\` ` +
          `({key, state}), now and when they connect. At most ${MAX_DEMO_STATE_BYTES} bytes per state ` +
          '(413), a bounded number of demos per deck (409).',
        tags,
        params: FollowDemoParamsSchema,
        headers: BearerHeadersSchema,
        body: FollowDemoStateSchema,
        response: { 200: FollowDemoStoredSchema, ...errorReplies(400, 401, 403, 409, 413, 415, 503) },
      },
      preValidation: bearerAuth({ token: presenterToken, variable: 'PRESENTER_TOKEN', action: 'Folgen' }),
    },
    async (request) => {
      const { deck, key } = request.params;
      return { deck, key, demos: await channels.setDemo(deck, key, request.body) };
    },
  );
}
