import type { FastifyInstance } from 'fastify';
import { FOLLOW_PATH, FollowParamsSchema, FollowSentSchema } from '../../shared/follow';
import {
  INK_EVENT,
  InkStateSchema,
  LASER_EVENT,
  LaserStateSchema,
  MAX_INK_BYTES,
  type InkState,
  type LaserState,
} from '../../shared/ink';
import { REMOTE_EVENT, RemoteCommandSchema, type RemoteCommand } from '../../shared/remote';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies, HttpError } from '../kit/errors';
import type { FollowChannels } from './channels';

const tags = ['follow'];
const AUTH =
  'Needs `Authorization: Bearer <PRESENTER_TOKEN>`: 401 without, 403 with a wrong one, 503 when PRESENTER_TOKEN is unset.';

/**
 * The presenter's tools on the follow channel: the pen's strokes of the current slide (kept for
 * followers who join late), the laser dot (passed on only), and the phone remote's commands
 * (passed on to the presenter view, only while one is live).
 */
export async function followToolRoutes(
  app: FastifyInstance,
  { channels, presenterToken }: { channels: FollowChannels; presenterToken: string | undefined },
): Promise<void> {
  const preValidation = bearerAuth({ token: presenterToken, variable: 'PRESENTER_TOKEN', action: 'Folgen' });
  const sent = (deck: string, event: string) => ({ deck, event });

  app.put<{ Params: { deck: string }; Body: InkState }>(
    `${FOLLOW_PATH}/:deck/ink`,
    {
      bodyLimit: MAX_INK_BYTES,
      schema: {
        summary: 'Publish the strokes of the lecturer’s slide (presenter)',
        description: `Followers get event \`ink\` (InkState), now and when they connect. ${AUTH}`,
        tags,
        params: FollowParamsSchema,
        headers: BearerHeadersSchema,
        body: InkStateSchema,
        response: { 200: FollowSentSchema, ...errorReplies(400, 401, 403, 404, 413, 415, 503) },
      },
      preValidation,
    },
    async (request) => {
      const { deck } = request.params;
      await channels.require(deck);
      await channels.share(deck, INK_EVENT, request.body, INK_EVENT);
      return sent(deck, INK_EVENT);
    },
  );

  app.put<{ Params: { deck: string }; Body: LaserState }>(
    `${FOLLOW_PATH}/:deck/laser`,
    {
      schema: {
        summary: 'Move the lecturer’s laser dot (presenter)',
        description: `Followers get event \`laser\` (LaserState); nothing is kept. ${AUTH}`,
        tags,
        params: FollowParamsSchema,
        headers: BearerHeadersSchema,
        body: LaserStateSchema,
        response: { 200: FollowSentSchema, ...errorReplies(400, 401, 403, 404, 415, 503) },
      },
      preValidation,
    },
    async (request) => {
      const { deck } = request.params;
      await channels.require(deck);
      await channels.share(deck, LASER_EVENT, request.body);
      return sent(deck, LASER_EVENT);
    },
  );

  app.post<{ Params: { deck: string }; Body: { command: RemoteCommand } }>(
    `${FOLLOW_PATH}/:deck/remote`,
    {
      schema: {
        summary: 'Send a command of the phone remote to the presenter view (presenter)',
        description: `The presenter view gets event \`remote\` ({command}). 409 while no presenter is live. ${AUTH}`,
        tags,
        params: FollowParamsSchema,
        headers: BearerHeadersSchema,
        body: RemoteCommandSchema,
        response: { 200: FollowSentSchema, ...errorReplies(400, 401, 403, 404, 409, 415, 503) },
      },
      preValidation,
    },
    async (request) => {
      const { deck } = request.params;
      if (!(await channels.state(deck)).live) {
        throw new HttpError(
          409,
          'Gerade ist keine Referentenansicht dieses Foliensatzes offen. Öffnen Sie sie am Rechner (Taste P).',
        );
      }
      await channels.share(deck, REMOTE_EVENT, request.body);
      return sent(deck, REMOTE_EVENT);
    },
  );
}
