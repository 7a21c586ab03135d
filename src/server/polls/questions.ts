import { createHash } from 'node:crypto';
import {
  MAX_ORDER_BARS,
  MAX_WORD_BARS,
  MAX_WORD_LENGTH,
  normalWord,
  type PollAnswer,
  type PollKind,
  type PollResults,
  type PollSolution,
  type PollView,
} from '../../shared/polls';
import type { Question } from '../../shared/quiz';
import { invalid } from '../kit/validation';
import type { AnswerCount, PollRecord } from './store';

/** A free-text question of the bank is polled as one short word. */
export function pollKind(question: Question): PollKind {
  return question.kind === 'text' ? 'word' : question.kind;
}

/** Letters, digits, and inside a word also spaces, hyphens, dots and apostrophes. */
const WORD = /^[\p{L}\p{N}](?:[\p{L}\p{N} .'’+-]*[\p{L}\p{N}+.])?$/u;

/**
 * A device's answer checked against the question, as it is stored and counted: a choice id
 * (single), the ticked ids in the author's order joined by commas (multiple), the steps in the
 * device's order (ordering), or the normalised word. Anything else is a 400 naming the field.
 */
export function canonicalAnswer(question: Question, answer: PollAnswer): string {
  const ids = question.choices.map((choice) => choice.id);
  switch (pollKind(question)) {
    case 'single':
      if (typeof answer !== 'string' || !ids.includes(answer)) {
        throw invalid('body.answer', `muss eine der Optionen ${ids.join(', ')} sein`);
      }
      return answer;
    case 'multiple': {
      if (!Array.isArray(answer)) throw invalid('body.answer', 'muss eine Liste der angekreuzten Optionen sein');
      const ticked = new Set(answer);
      if (ticked.size !== answer.length) throw invalid('body.answer', 'nennt eine Option doppelt');
      const unknown = answer.find((id) => !ids.includes(id));
      if (unknown !== undefined) throw invalid('body.answer', `nennt die unbekannte Option „${unknown}“`);
      return ids.filter((id) => ticked.has(id)).join(',');
    }
    case 'ordering': {
      const complete = Array.isArray(answer) && answer.length === ids.length && new Set(answer).size === ids.length;
      if (!complete || !answer.every((id) => ids.includes(id))) {
        throw invalid('body.answer', `muss jeden Schritt (${ids.join(', ')}) genau einmal enthalten`);
      }
      return answer.join(',');
    }
    case 'word': {
      const word = typeof answer === 'string' ? normalWord(answer) : '';
      if (!WORD.test(word) || word.length > MAX_WORD_LENGTH) {
        throw invalid(
          'body.answer',
          `muss ein kurzes Wort sein (Buchstaben und Ziffern, höchstens ${MAX_WORD_LENGTH} Zeichen)`,
          MAX_WORD_LENGTH,
        );
      }
      return word;
    }
  }
}

/** The stored answer as the device sent it back (a list for multiple and ordering). */
export function answerOf(kind: PollKind, stored: string): PollAnswer {
  if (kind === 'single' || kind === 'word') return stored;
  return stored === '' ? [] : stored.split(',');
}

/** The histogram: one bar per choice (single, multiple), the commonest orders or words with the rest as `other`. */
export function results(question: Question, counts: readonly AnswerCount[]): PollResults {
  const voters = counts.reduce((sum, { count }) => sum + count, 0);
  const kind = pollKind(question);
  if (kind === 'single' || kind === 'multiple') {
    const bars = question.choices.map((choice) => ({ key: choice.id, count: 0 }));
    for (const { answer, count } of counts) {
      for (const id of answer === '' ? [] : answer.split(',')) {
        const bar = bars.find((candidate) => candidate.key === id);
        if (bar) bar.count += count;
      }
    }
    return { voters, bars, other: 0 };
  }
  const top = kind === 'ordering' ? MAX_ORDER_BARS : MAX_WORD_BARS;
  const sorted = [...counts].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer));
  const bars = sorted.slice(0, top).map(({ answer, count }) => ({ key: answer, count }));
  const shown = bars.reduce((sum, { count }) => sum + count, 0);
  return { voters, bars, other: voters - shown };
}

export function solution(question: Question): PollSolution {
  const kind = pollKind(question);
  const correct = kind === 'word' ? [] : question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
  return { correct, answerHtml: question.answerHtml, explanationHtml: question.explanationHtml };
}

/**
 * The steps of an ordering poll never appear in the right order (the bank lists them so): a
 * shuffle seeded by the poll id, the same on every screen and after every reload.
 */
export function startingOrder(question: Question, pollId: string): string[] {
  const ids = question.choices.map((choice) => choice.id);
  if (question.kind !== 'ordering') return ids;
  const seed = createHash('sha256').update(pollId).digest();
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = (seed[i % seed.length] ?? 0) % (i + 1);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  if (order.every((id, i) => id === ids[i])) order.push(order.shift() as string);
  return order;
}

/** The poll as screens show it; `audience` views get results only when shown, the solution only when revealed. */
export function pollView(
  poll: PollRecord,
  question: Question,
  counts: readonly AnswerCount[],
  audience: 'presenter' | 'room',
): PollView {
  const byId = new Map(question.choices.map((choice) => [choice.id, choice]));
  const choices =
    pollKind(question) === 'word'
      ? []
      : startingOrder(question, poll.id).map((id) => ({ id, html: byId.get(id)?.html ?? '' }));
  const view: PollView = {
    id: poll.id,
    deck: poll.deck,
    questionId: poll.questionId,
    kind: poll.kind,
    promptHtml: question.promptHtml,
    choices,
    status: poll.status,
    shown: poll.shown,
    revealed: poll.revealed,
    openedAt: new Date(poll.openedAt).toISOString(),
  };
  if (audience === 'presenter' || poll.shown) view.results = results(question, counts);
  if (audience === 'presenter' || poll.revealed) view.solution = solution(question);
  return view;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Compiled HTML of the bank as one line of plain text (picker, CSV). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
