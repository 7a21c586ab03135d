import { randomBytes } from 'node:crypto';
import type { FastifyInstance, preValidationAsyncHookHandler } from 'fastify';
import {
  AskInputSchema,
  HALL_MAX_QUESTIONS,
  HALL_TEXT_MIN,
  HallActionParamsSchema,
  HallListSchema,
  HallParamsSchema,
  HallQuestionSchema,
  PollDeckParamsSchema,
  POLLS_PATH,
  rankHall,
  UpvoteInputSchema,
  type HallAction,
  type HallQuestion,
} from '../../shared/polls';
import type { QuizBank } from '../../shared/quiz';
import { BearerHeadersSchema } from '../kit/bearer';
import { errorReplies, HttpError } from '../kit/errors';
import { invalid } from '../kit/validation';
import { DeviceLimit } from './device-limit';
import type { PollLive } from './live';
import type { PollStore } from './store';

interface HallContext {
  store: PollStore;
  live: PollLive;
  presenter: preValidationAsyncHookHandler;
  bankOf: (deck: string) => QuizBank;
  /** Questions one device may ask per minute. */
  asksPerDevice: number;
  /** Questions and upvotes one address may send per minute. */
  perIp: number;
}

const tags = ['hall'];

const CHANGES: Record<HallAction, { answered?: boolean; shown?: boolean }> = {
  answered: { answered: true, shown: false },
  show: { shown: true },
  hide: { shown: false },
};

/**
 * Questions from the hall: anonymous (a device id, never shown), short, limited per device and
 * address, upvoted once per device; the lecturer marks them answered or shows one to the room.
 */
export async function hallRoutes(app: FastifyInstance, context: HallContext): Promise<void> {
  const { store, live, presenter, bankOf } = context;
  const asks = new DeviceLimit(context.asksPerDevice, 60_000);
  app.addHook('onClose', async () => asks.stop());
  const limit = { rateLimit: { max: context.perIp, timeWindow: 60_000 } };

  async function questionOf(deck: string, id: string): Promise<HallQuestion> {
    const question = (await store.hall(deck)).find((candidate) => candidate.id === id);
    if (!question) throw new HttpError(404, 'Diese Frage gibt es nicht.', { field: 'question' });
    return question;
  }

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck/hall`,
    {
      schema: {
        summary: 'Questions from the hall, ranked',
        description: 'Open questions by upvotes, then the oldest first; answered ones last.',
        tags,
        params: PollDeckParamsSchema,
        response: { 200: HallListSchema, ...errorReplies(400, 404) },
      },
    },
    async (request) => {
      bankOf(request.params.deck);
      return { questions: rankHall(await store.hall(request.params.deck)) };
    },
  );

  app.post<{ Params: { deck: string }; Body: { text: string; device: string } }>(
    `${POLLS_PATH}/:deck/hall`,
    {
      bodyLimit: 4096,
      config: limit,
      schema: {
        summary: 'Ask a question from the hall',
        description: `Anonymous; ${context.asksPerDevice} per device and minute; at most ${HALL_MAX_QUESTIONS} per deck.`,
        tags,
        params: PollDeckParamsSchema,
        body: AskInputSchema,
        response: { 201: HallQuestionSchema, ...errorReplies(400, 404, 409, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { deck } = request.params;
      bankOf(deck);
      const text = request.body.text.replace(/\s+/g, ' ').trim();
      if (text.length < HALL_TEXT_MIN) {
        throw invalid('body.text', `ist zu kurz (mindestens ${HALL_TEXT_MIN} Zeichen)`, HALL_TEXT_MIN);
      }
      if (/\p{Cc}/u.test(text)) throw invalid('body.text', 'enthält Steuerzeichen');
      asks.take(request.body.device);
      if ((await store.hall(deck)).length >= HALL_MAX_QUESTIONS) {
        throw new HttpError(409, `Es gibt schon ${HALL_MAX_QUESTIONS} Fragen zu diesem Foliensatz.`, {
          limit: HALL_MAX_QUESTIONS,
        });
      }
      const question = { id: randomBytes(9).toString('base64url'), device: request.body.device, text, at: Date.now() };
      await store.ask(deck, question);
      live.hallChanged(deck);
      return reply.code(201).send(await questionOf(deck, question.id));
    },
  );

  app.post<{ Params: { deck: string; question: string }; Body: { device: string } }>(
    `${POLLS_PATH}/:deck/hall/:question/upvote`,
    {
      bodyLimit: 1024,
      config: limit,
      schema: {
        summary: 'Upvote a question from the hall, once per device',
        tags,
        params: HallParamsSchema,
        body: UpvoteInputSchema,
        response: { 200: HallQuestionSchema, ...errorReplies(400, 404, 413, 415, 429) },
      },
    },
    async (request) => {
      const { deck, question } = request.params;
      if (!(await store.upvote(deck, question, request.body.device))) {
        throw new HttpError(404, 'Diese Frage gibt es nicht.', { field: 'question' });
      }
      live.hallChanged(deck);
      return questionOf(deck, question);
    },
  );

  app.post<{ Params: { deck: string; question: string; action: HallAction } }>(
    `${POLLS_PATH}/:deck/hall/:question/:action`,
    {
      schema: {
        summary: 'Mark a question answered, or show it to the room (presenter)',
        tags,
        params: HallActionParamsSchema,
        headers: BearerHeadersSchema,
        response: { 200: HallQuestionSchema, ...errorReplies(400, 401, 403, 404, 503) },
      },
      preValidation: presenter,
    },
    async (request) => {
      const { deck, question, action } = request.params;
      if (!(await store.markQuestion(deck, question, CHANGES[action]))) {
        throw new HttpError(404, 'Diese Frage gibt es nicht.', { field: 'question' });
      }
      live.hallChanged(deck);
      return questionOf(deck, question);
    },
  );
}
