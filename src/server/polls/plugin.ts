import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import {
  CurrentPollSchema,
  OpenPollInputSchema,
  PollActionParamsSchema,
  PollDeckParamsSchema,
  PollQuestionsSchema,
  POLLS_PATH,
  PollViewSchema,
  StoredVoteSchema,
  VoteInputSchema,
  VoteParamsSchema,
  type PollAction,
  type PollAnswer,
  type PollView,
  type StoredVote,
} from '../../shared/polls';
import { configureApi, rateLimitError } from '../kit/api';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies, HttpError } from '../kit/errors';
import type { StreamLimits } from '../kit/sse';
import type { PollBanks } from './banks';
import { DeviceLimit } from './device-limit';
import { hallRoutes } from './hall';
import { PollLive, type PollRoom } from './live';
import { answerOf, canonicalAnswer, plainText, pollKind } from './questions';
import { pollResultsRoutes } from './results';
import type { PollChange, PollRecord, PollStore } from './store';

export interface PollOptions {
  store: PollStore;
  banks: PollBanks;
  /** The follow channels: the room's view of a poll goes to the deck's followers. */
  room: PollRoom;
  presenterToken: string | undefined;
  /** Votes per IP and minute (POLL_VOTES_PER_IP); a lecture hall behind one NAT needs many. */
  votesPerIp?: number;
  /** Votes per device and 10 s. */
  votesPerDevice?: number;
  /** Questions from the hall per device and minute. */
  asksPerDevice?: number;
  streams?: Partial<StreamLimits>;
  tickMs?: number;
}

const tags = ['polls'];
const BODY_LIMIT = 4096;

const ACTION_CHANGE: Record<PollAction, (now: number) => PollChange> = {
  show: () => ({ shown: true }),
  reveal: () => ({ shown: true, revealed: true }),
  close: (now) => ({ closedAt: now }),
  dismiss: (now) => ({ dismissed: true, closedAt: now }),
};

/** Live polls on the bank's questions: the presenter opens and steers them, devices vote. */
export async function pollsPlugin(app: FastifyInstance, options: PollOptions): Promise<void> {
  configureApi(app, { service: 'Der Abstimmungsdienst' });
  const { store, banks } = options;
  const live = new PollLive(store, banks, options.room, options.streams, options.tickMs);
  const devices = new DeviceLimit(options.votesPerDevice ?? 20, 10_000);
  app.addHook('preClose', async () => live.closeAll());
  app.addHook('onClose', async () => devices.stop());
  await app.register(rateLimit, { global: false, errorResponseBuilder: rateLimitError });
  const presenter = bearerAuth({ token: options.presenterToken, variable: 'PRESENTER_TOKEN', action: 'Abstimmen' });

  function bankOf(deck: string) {
    const bank = banks(deck);
    if (!bank) throw new HttpError(404, `Zum Foliensatz „${deck}“ gibt es keinen Fragenkatalog.`, { field: 'deck' });
    return bank;
  }

  async function pollOf(deck: string, id: string): Promise<PollRecord> {
    const poll = await store.get(deck, id);
    if (!poll) throw new HttpError(404, 'Diese Abstimmung gibt es nicht.', { field: 'poll' });
    return poll;
  }

  async function viewOf(poll: PollRecord, audience: 'presenter' | 'room'): Promise<PollView> {
    const view = await live.view(poll, audience);
    if (!view) throw new HttpError(404, `Die Frage „${poll.questionId}“ steht nicht mehr im Fragenkatalog.`);
    return view;
  }

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck/questions`,
    {
      schema: {
        summary: 'Questions of the deck’s bank that can be polled',
        tags,
        params: PollDeckParamsSchema,
        response: { 200: PollQuestionsSchema, ...errorReplies(400, 404) },
      },
    },
    async (request) => ({
      questions: bankOf(request.params.deck).questions.map((question) => ({
        id: question.id,
        kind: pollKind(question),
        topic: question.topic,
        prompt: plainText(question.promptHtml),
      })),
    }),
  );

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck`,
    {
      schema: {
        summary: 'The deck’s current poll, as the room sees it',
        description: 'Results only once the lecturer showed them, the solution only once revealed.',
        tags,
        params: PollDeckParamsSchema,
        response: { 200: CurrentPollSchema, ...errorReplies(400, 404) },
      },
    },
    async (request) => {
      bankOf(request.params.deck);
      return { poll: await live.current(request.params.deck, 'room') };
    },
  );

  app.post<{ Params: { deck: string }; Body: { question: string } }>(
    `${POLLS_PATH}/:deck`,
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: 'Open a poll on a question of the bank (presenter)',
        description: 'Needs `Authorization: Bearer <PRESENTER_TOKEN>`. Closes and puts away the deck’s previous poll.',
        tags,
        params: PollDeckParamsSchema,
        headers: BearerHeadersSchema,
        body: OpenPollInputSchema,
        response: { 201: PollViewSchema, ...errorReplies(400, 401, 403, 404, 413, 415, 503) },
      },
      preValidation: presenter,
    },
    async (request, reply) => {
      const { deck } = request.params;
      const question = bankOf(deck).questions.find((candidate) => candidate.id === request.body.question);
      if (!question) {
        throw new HttpError(404, `Die Frage „${request.body.question}“ steht nicht im Fragenkatalog.`, {
          field: 'question',
        });
      }
      const poll: PollRecord = {
        id: randomBytes(12).toString('base64url'),
        deck,
        questionId: question.id,
        kind: pollKind(question),
        status: 'open',
        shown: false,
        revealed: false,
        dismissed: false,
        openedAt: Date.now(),
        closedAt: null,
      };
      await store.open(poll);
      live.changed(deck);
      return reply.code(201).send(await viewOf(poll, 'presenter'));
    },
  );

  app.post<{ Params: { deck: string; poll: string; action: PollAction } }>(
    `${POLLS_PATH}/:deck/:poll/:action`,
    {
      schema: {
        summary: 'Show results, reveal the answer, close voting or put the poll away (presenter)',
        tags,
        params: PollActionParamsSchema,
        headers: BearerHeadersSchema,
        response: { 200: PollViewSchema, ...errorReplies(400, 401, 403, 404, 503) },
      },
      preValidation: presenter,
    },
    async (request) => {
      const { deck, poll: id, action } = request.params;
      await pollOf(deck, id);
      const poll = await store.update(deck, id, ACTION_CHANGE[action](Date.now()));
      live.changed(deck);
      return viewOf(poll ?? (await pollOf(deck, id)), 'presenter');
    },
  );

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck/live`,
    {
      exposeHeadRoute: false,
      schema: {
        summary: 'Server-Sent Events of the deck’s poll with its counts (presenter)',
        description:
          'Event `poll` (data: PollView with results and solution, or null) on connect and whenever it changes; ' +
          'counts are batched, at most one event per tick.',
        tags,
        params: PollDeckParamsSchema,
        headers: BearerHeadersSchema,
        response: {
          200: { description: 'text/event-stream: event `poll`' },
          ...errorReplies(400, 401, 403, 404, 429, 503),
        },
      },
      preValidation: presenter,
    },
    async (request, reply) => {
      bankOf(request.params.deck);
      live.openPresenter(request.params.deck, request, reply);
      return reply;
    },
  );

  app.put<{ Params: { deck: string; poll: string; device: string }; Body: { answer: PollAnswer } }>(
    `${POLLS_PATH}/:deck/:poll/votes/:device`,
    {
      bodyLimit: BODY_LIMIT,
      config: { rateLimit: { max: options.votesPerIp ?? 1200, timeWindow: 60_000 } },
      schema: {
        summary: 'Vote, or change the vote, of one device',
        description:
          'Answers only after the vote is stored. The device id is the device’s own random id. 409 once the ' +
          'poll is closed; 400 when the answer does not fit the question.',
        tags,
        params: VoteParamsSchema,
        body: VoteInputSchema,
        response: { 200: StoredVoteSchema, ...errorReplies(400, 404, 409, 413, 415, 429, 503) },
      },
    },
    async (request): Promise<StoredVote> => {
      const { deck, poll: id, device } = request.params;
      const poll = await pollOf(deck, id);
      const question = live.question(deck, poll.questionId);
      if (!question) throw new HttpError(404, `Die Frage „${poll.questionId}“ steht nicht mehr im Fragenkatalog.`);
      const answer = canonicalAnswer(question, request.body.answer);
      devices.take(device);
      const at = Date.now();
      const outcome = await store.vote(id, device, answer, at).catch((error: unknown) => {
        request.log.error(error);
        throw new HttpError(503, 'Ihre Stimme wurde nicht gespeichert: Der Speicher ist nicht erreichbar.', {}, 2);
      });
      if (outcome === 'closed')
        throw new HttpError(409, 'Die Abstimmung ist geschlossen: Es zählen keine Stimmen mehr.');
      if (outcome === 'unknown') throw new HttpError(404, 'Diese Abstimmung gibt es nicht.', { field: 'poll' });
      live.voted(deck);
      return { poll: id, answer: answerOf(poll.kind, answer), at: new Date(at).toISOString() };
    },
  );

  app.get<{ Params: { deck: string; poll: string; device: string } }>(
    `${POLLS_PATH}/:deck/:poll/votes/:device`,
    {
      schema: {
        summary: 'The stored vote of one device',
        tags,
        params: VoteParamsSchema,
        response: { 200: StoredVoteSchema, ...errorReplies(400, 404) },
      },
    },
    async (request): Promise<StoredVote> => {
      const { deck, poll: id, device } = request.params;
      const poll = await pollOf(deck, id);
      const stored = await store.voteOf(id, device);
      if (!stored) throw new HttpError(404, 'Von diesem Gerät gibt es keine Stimme.', { field: 'device' });
      return { poll: id, answer: answerOf(poll.kind, stored.answer), at: new Date(stored.at).toISOString() };
    },
  );

  await pollResultsRoutes(app, { store, live, presenter, bankOf });
  await hallRoutes(app, {
    store,
    live,
    presenter,
    bankOf,
    asksPerDevice: options.asksPerDevice ?? 3,
    perIp: options.votesPerIp ?? 1200,
  });
}
