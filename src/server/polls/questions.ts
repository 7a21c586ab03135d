import { createHash } from 'node:crypto';
import {
  MAX_NUMBER_BARS,
  MAX_ORDER_BARS,
  MAX_WORD_BARS,
  MAX_WORD_LENGTH,
  normalWord,
  numberRange,
  type PollAnswer,
  type PollBar,
  type PollKind,
  type PollResults,
  type PollSolution,
  type PollView,
} from '../../shared/polls';
import { parseDecimal, type Question } from '../../shared/quiz';
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
    case 'number': {
      const value = typeof answer === 'string' ? parseDecimal(answer) : null;
      if (value === null) throw invalid('body.answer', 'muss eine Zahl sein, z. B. 3 oder 0,5');
      return String(value);
    }
  }
}

/** The stored answer as the device sent it back (a list for multiple and ordering). */
export function answerOf(kind: PollKind, stored: string): PollAnswer {
  if (kind === 'single' || kind === 'word' || kind === 'number') return stored;
  return stored === '' ? [] : stored.split(',');
}

/**
 * The histogram: one bar per choice (single, multiple), the commonest orders or words with the
 * rest as `other`, the numbers in ascending order (see `numberBars`).
 */
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
  if (kind === 'number') return { voters, ...numberBars(counts) };
  const top = kind === 'ordering' ? MAX_ORDER_BARS : MAX_WORD_BARS;
  const sorted = [...counts].sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer));
  const bars = sorted.slice(0, top).map(({ answer, count }) => ({ key: answer, count }));
  const shown = bars.reduce((sum, { count }) => sum + count, 0);
  return { voters, bars, other: voters - shown };
}

/**
 * Number bars: each value on its own while there are at most MAX_NUMBER_BARS of them, else
 * ranges of a round width (1, 2 or 5 times a power of ten) over the middle 90 % of the votes,
 * so that one far-off typo does not squeeze the rest into a bar; votes outside count as `other`.
 */
export function numberBars(counts: readonly AnswerCount[]): { bars: PollBar[]; other: number } {
  const values = counts
    .map(({ answer, count }) => ({ value: Number(answer), count }))
    .filter(({ value }) => Number.isFinite(value))
    .sort((a, b) => a.value - b.value);
  if (values.length <= MAX_NUMBER_BARS) {
    return { bars: values.map(({ value, count }) => ({ key: String(value), count })), other: 0 };
  }
  const total = values.reduce((sum, { count }) => sum + count, 0);
  const quantile = (share: number): number => {
    let seen = 0;
    for (const { value, count } of values) {
      seen += count;
      if (seen >= share * total) return value;
    }
    return values.at(-1)?.value ?? 0;
  };
  const low = quantile(0.05);
  const high = quantile(0.95);
  const width = roundWidth((high - low) / (MAX_NUMBER_BARS - 2) || Math.abs(low) / 10 || 1);
  const digits = Math.max(0, -Math.floor(Math.log10(width)) + 1);
  const edge = (k: number): number => Number(((Math.floor(low / width) + k) * width).toFixed(digits));
  const bars: PollBar[] = [];
  for (let k = 0; bars.length < MAX_NUMBER_BARS && edge(k) <= high; k++) {
    bars.push({ key: `${edge(k)}..${edge(k + 1)}`, count: 0 });
  }
  let other = 0;
  for (const { value, count } of values) {
    const bar = bars.find(({ key }) => {
      const { from, to } = numberRange(key);
      return value >= from && value < (to ?? from);
    });
    if (bar) bar.count += count;
    else other += count;
  }
  return { bars, other };
}

/** The smallest of 1, 2, 5 × 10^n that is at least `raw`. */
function roundWidth(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((step) => step * power).find((width) => width >= raw * (1 - 1e-9)) ?? 10 * power;
}

export function solution(question: Question): PollSolution {
  const kind = pollKind(question);
  const texts = { answerHtml: question.answerHtml, explanationHtml: question.explanationHtml };
  if (kind === 'number' && question.expected) {
    return { correct: [String(question.expected.value)], tolerance: question.expected.tolerance, ...texts };
  }
  const correct = kind === 'word' ? [] : question.choices.filter((choice) => choice.correct).map((choice) => choice.id);
  return { correct, ...texts };
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
    poll.kind === 'word' || poll.kind === 'number'
      ? []
      : startingOrder(question, poll.id).map((id) => ({ id, html: byId.get(id)?.html ?? '' }));
  const view: PollView = {
    id: poll.id,
    deck: poll.deck,
    questionId: poll.questionId,
    kind: poll.kind,
    promptHtml: question.promptHtml,
    ...(question.expected ? { unit: question.expected.unit } : {}),
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
