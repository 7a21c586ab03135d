import type { FastifyInstance, preValidationAsyncHookHandler } from 'fastify';
import {
  answerText,
  barIsRight,
  PollDeckParamsSchema,
  POLLS_PATH,
  PollResultsSchema,
  type PollResult,
} from '../../shared/polls';
import type { QuizBank } from '../../shared/quiz';
import { BearerHeadersSchema } from '../kit/bearer';
import { errorReplies } from '../kit/errors';
import type { PollLive } from './live';
import { plainText, results, solution } from './questions';
import type { PollStore } from './store';

interface ResultsContext {
  store: PollStore;
  live: PollLive;
  presenter: preValidationAsyncHookHandler;
  bankOf: (deck: string) => QuizBank;
}

const tags = ['polls'];

/** A CSV field: quoted when it has to be; a leading =, +, - or @ cannot start a spreadsheet formula. */
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The lecturer's results afterwards: every poll of the deck with its counts, as JSON and as CSV. */
export async function pollResultsRoutes(app: FastifyInstance, context: ResultsContext): Promise<void> {
  const { store, live, presenter, bankOf } = context;

  async function collect(deck: string): Promise<PollResult[]> {
    bankOf(deck);
    const collected: PollResult[] = [];
    for (const poll of await store.list(deck)) {
      const question = live.question(deck, poll.questionId);
      if (!question) continue;
      const { correct, tolerance } = solution(question);
      collected.push({
        id: poll.id,
        questionId: poll.questionId,
        kind: poll.kind,
        prompt: plainText(question.promptHtml),
        openedAt: new Date(poll.openedAt).toISOString(),
        closedAt: poll.closedAt === null ? null : new Date(poll.closedAt).toISOString(),
        results: results(question, await store.tally(poll.id)),
        correct,
        ...(tolerance === undefined ? {} : { tolerance }),
        ...(question.expected ? { unit: question.expected.unit } : {}),
        labels: Object.fromEntries(question.choices.map((choice) => [choice.id, plainText(choice.html)])),
      });
    }
    return collected;
  }

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck/results`,
    {
      schema: {
        summary: 'Every poll of the deck with its counts (presenter)',
        tags,
        params: PollDeckParamsSchema,
        headers: BearerHeadersSchema,
        response: { 200: PollResultsSchema, ...errorReplies(400, 401, 403, 404, 503) },
      },
      preValidation: presenter,
    },
    async (request) => ({ deck: request.params.deck, polls: await collect(request.params.deck) }),
  );

  app.get<{ Params: { deck: string } }>(
    `${POLLS_PATH}/:deck/results.csv`,
    {
      schema: {
        summary: 'Every poll of the deck with its counts as CSV (presenter)',
        description: 'One line per answer: Vorlesung (date), Beginn, Frage, Art, Antwort, Text, Stimmen, Richtig.',
        tags,
        params: PollDeckParamsSchema,
        headers: BearerHeadersSchema,
        response: { 200: { description: 'text/csv' }, ...errorReplies(400, 401, 403, 404, 503) },
      },
      preValidation: presenter,
    },
    async (request, reply) => {
      const { deck } = request.params;
      const lines = [['Vorlesung', 'Beginn', 'Frage', 'Art', 'Antwort', 'Text', 'Stimmen', 'Richtig']];
      for (const poll of await collect(deck)) {
        const rows = [...poll.results.bars.map((bar) => [bar.key, bar.count] as const)];
        if (poll.results.other > 0) rows.push(['', poll.results.other]);
        for (const [key, count] of rows) {
          const right = poll.kind === 'word' ? '' : barIsRight(poll.kind, key, poll.correct, poll.tolerance);
          lines.push([
            poll.openedAt.slice(0, 10),
            poll.openedAt,
            poll.questionId,
            poll.kind,
            key === '' ? 'Weitere' : key,
            key === '' ? '' : answerText(poll, key),
            String(count),
            right === '' ? '' : right ? 'ja' : 'nein',
          ]);
        }
      }
      const csv = lines.map((line) => line.map(csvField).join(',')).join('\r\n');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="abstimmungen-${deck}.csv"`)
        .send(`\ufeff${csv}\r\n`);
    },
  );
}
