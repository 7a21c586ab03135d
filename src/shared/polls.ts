/**
 * Live polls on the wire: the lecturer opens a poll on a question of the deck's bank, the
 * students' devices vote, the presenter view watches the counts. Plain JSON schemas and pure
 * functions, shared by the server and the viewer.
 */

import { DECK_ID_PATTERN } from './follow';
import { formatDecimal, isWithin } from './quiz';

export const POLLS_PATH = '/api/polls';
/** The presenter's event stream and the followers get the counts, also other instances' votes, at least this often. */
export const POLL_TICK_MS = 250;
/** A vote stored here sends the counts within this time, one batch for every vote meanwhile. */
export const POLL_BATCH_MS = 100;

/** A bank question's kind as a poll: the bank's free-text questions are answered with one short word. */
export const POLL_KINDS = ['single', 'multiple', 'ordering', 'word', 'number'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

export const POLL_KIND_NAMES: Record<PollKind, string> = {
  single: 'Einfachauswahl',
  multiple: 'Mehrfachauswahl',
  ordering: 'Reihenfolge',
  word: 'Ein Wort',
  number: 'Zahl',
};

export const POLL_ACTIONS = ['show', 'reveal', 'close', 'dismiss'] as const;
/** show: results to the room; reveal: the correct answer too; close: voting ends; dismiss: the poll leaves the screens. */
export type PollAction = (typeof POLL_ACTIONS)[number];

export const MAX_WORD_LENGTH = 40;
/** Words shown in a word poll's result; the rest count as „Weitere“. */
export const MAX_WORD_BARS = 20;
/** Distinct orders shown in an ordering poll's result. */
export const MAX_ORDER_BARS = 6;
export const MAX_CHOICES = 26;
/** Bars of a number poll: one per value while there are this few, else ranges of values. */
export const MAX_NUMBER_BARS = 10;

export interface PollChoice {
  id: string;
  html: string;
}

/** One bar of the histogram: a choice id, an order (`c,a,b`), a word, a number (`0.5`) or a range of numbers (`0.5..1`, upper end excluded). */
export interface PollBar {
  key: string;
  count: number;
}

export interface PollResults {
  /** Devices that voted. */
  voters: number;
  bars: PollBar[];
  /** Votes outside the shown bars (rare orders, rare words). */
  other: number;
}

export interface PollSolution {
  /** Choice ids that are right (single, multiple), the right order (ordering), accepted words (word), the value (number). */
  correct: string[];
  /** Number: how far from the value still counts as right. */
  tolerance?: number;
  answerHtml: string;
  explanationHtml: string;
}

/** The deck's poll as screens show it. Followers get `results` only once shown, `solution` only once revealed. */
export interface PollView {
  id: string;
  deck: string;
  questionId: string;
  kind: PollKind;
  promptHtml: string;
  /** Choices (single, multiple) or steps in their starting order (ordering); none for a word or a number. */
  choices: PollChoice[];
  /** Number: the unit the answer is given in (may be empty). */
  unit?: string;
  status: 'open' | 'closed';
  shown: boolean;
  revealed: boolean;
  openedAt: string;
  results?: PollResults;
  solution?: PollSolution;
}

/** A question of the bank as the presenter's picker lists it. */
export interface PollQuestion {
  id: string;
  kind: PollKind;
  topic: string;
  /** The prompt as plain text. */
  prompt: string;
}

/** What a device sends: one choice id, several, the steps in order, a word, or a number as typed (`0,5`). */
export type PollAnswer = string | string[];

export interface StoredVote {
  poll: string;
  answer: PollAnswer;
  at: string;
}

const ID = '^[A-Za-z0-9_-]{1,64}$';
/** An anonymous device id: random, made by the device itself, never tied to a person. */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9_-]{16,64}$';
// Route parameters are written out, not spread: a spread survives tree shaking in browser bundles.
const DECK_PARAM = { type: 'string', pattern: DECK_ID_PATTERN } as const;
const ID_PARAM = { type: 'string', pattern: ID } as const;

export const PollDeckParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM },
  required: ['deck'],
  additionalProperties: false,
} as const;

export const PollParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM, poll: ID_PARAM },
  required: ['deck', 'poll'],
  additionalProperties: false,
} as const;

export const PollActionParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM, poll: ID_PARAM, action: { type: 'string', enum: POLL_ACTIONS } },
  required: ['deck', 'poll', 'action'],
  additionalProperties: false,
} as const;

export const VoteParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM, poll: ID_PARAM, device: { type: 'string', pattern: DEVICE_ID_PATTERN } },
  required: ['deck', 'poll', 'device'],
  additionalProperties: false,
} as const;

export const OpenPollInputSchema = {
  type: 'object',
  properties: { question: { type: 'string', pattern: ID, description: 'Id of a question of the deck’s bank' } },
  required: ['question'],
  additionalProperties: false,
} as const;

export const VoteInputSchema = {
  type: 'object',
  properties: {
    answer: {
      anyOf: [
        { type: 'string', minLength: 1, maxLength: MAX_WORD_LENGTH },
        { type: 'array', maxItems: MAX_CHOICES, items: { type: 'string', minLength: 1, maxLength: 8 } },
      ],
      description:
        'Choice id (single), choice ids (multiple), steps in order (ordering), one word, or a number (decimal comma or point)',
    },
  },
  required: ['answer'],
  additionalProperties: false,
} as const;

const AnswerSchema = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } as const;

export const StoredVoteSchema = {
  type: 'object',
  properties: { poll: { type: 'string' }, answer: AnswerSchema, at: { type: 'string', format: 'date-time' } },
  required: ['poll', 'answer', 'at'],
  additionalProperties: false,
} as const;

const ResultsSchema = {
  type: 'object',
  properties: {
    voters: { type: 'integer' },
    bars: {
      type: 'array',
      items: {
        type: 'object',
        properties: { key: { type: 'string' }, count: { type: 'integer' } },
        required: ['key', 'count'],
        additionalProperties: false,
      },
    },
    other: { type: 'integer' },
  },
  required: ['voters', 'bars', 'other'],
  additionalProperties: false,
} as const;

export const PollViewSchema = {
  description: 'The deck’s poll',
  type: 'object',
  properties: {
    id: { type: 'string' },
    deck: { type: 'string' },
    questionId: { type: 'string' },
    kind: { type: 'string', enum: POLL_KINDS },
    promptHtml: { type: 'string' },
    unit: { type: 'string' },
    choices: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, html: { type: 'string' } },
        required: ['id', 'html'],
        additionalProperties: false,
      },
    },
    status: { type: 'string', enum: ['open', 'closed'] },
    shown: { type: 'boolean' },
    revealed: { type: 'boolean' },
    openedAt: { type: 'string', format: 'date-time' },
    results: ResultsSchema,
    solution: {
      type: 'object',
      properties: {
        correct: { type: 'array', items: { type: 'string' } },
        tolerance: { type: 'number' },
        answerHtml: { type: 'string' },
        explanationHtml: { type: 'string' },
      },
      required: ['correct', 'answerHtml', 'explanationHtml'],
      additionalProperties: false,
    },
  },
  required: ['id', 'deck', 'questionId', 'kind', 'promptHtml', 'choices', 'status', 'shown', 'revealed', 'openedAt'],
  additionalProperties: false,
} as const;

export const CurrentPollSchema = {
  description: 'The deck’s current poll, or null',
  type: 'object',
  properties: { poll: { anyOf: [PollViewSchema, { type: 'null' }] } },
  required: ['poll'],
  additionalProperties: false,
} as const;

export const PollQuestionsSchema = {
  type: 'object',
  properties: {
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          kind: { type: 'string', enum: POLL_KINDS },
          topic: { type: 'string' },
          prompt: { type: 'string' },
        },
        required: ['id', 'kind', 'topic', 'prompt'],
        additionalProperties: false,
      },
    },
  },
  required: ['questions'],
  additionalProperties: false,
} as const;

/** A word as it is counted: trimmed, lower case, inner spaces as one. */
export function normalWord(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}

/** A number bar's values: one number, or a range from `from` up to (not including) `to`. */
export function numberRange(key: string): { from: number; to: number | null } {
  const [from = '', to] = key.split('..');
  return { from: Number(from), to: to === undefined ? null : Number(to) };
}

/** A number bar as people read it: „0,5“ or „0,5 bis unter 1“, with the unit. */
export function numberLabel(key: string, unit = ''): string {
  const { from, to } = numberRange(key);
  const text = to === null ? formatDecimal(from) : `${formatDecimal(from)} bis unter ${formatDecimal(to)}`;
  return unit ? `${text} ${unit}` : text;
}

/** Whether a bar of the histogram stands for a right answer (a number range: whether it holds one). */
export function barIsRight(kind: PollKind, key: string, correct: readonly string[], tolerance = 0): boolean {
  switch (kind) {
    case 'word':
      return correct.some((word) => normalWord(word) === key);
    case 'ordering':
      return key === correct.join(',');
    case 'number': {
      const value = Number(correct[0]);
      if (correct.length === 0 || Number.isNaN(value)) return false;
      const { from, to } = numberRange(key);
      return to === null ? isWithin(from, { value, tolerance }) : from <= value + tolerance && to > value - tolerance;
    }
    default:
      return correct.includes(key);
  }
}

/** A bar of the lecturer's results as text: the word, the number or range, the choice or the steps in order. */
export function answerText(poll: Pick<PollResult, 'kind' | 'labels' | 'unit'>, key: string): string {
  if (poll.kind === 'word') return key;
  if (poll.kind === 'number') return numberLabel(key, poll.unit);
  return key
    .split(',')
    .map((id) => poll.labels[id] ?? id)
    .join(' → ');
}

/** The right answer of a poll in the lecturer's results, as text. */
export function correctText(poll: Pick<PollResult, 'kind' | 'labels' | 'unit' | 'correct' | 'tolerance'>): string {
  if (poll.kind === 'number') {
    const tolerance = poll.tolerance ? ` ± ${formatDecimal(poll.tolerance)}` : '';
    return `${numberLabel(poll.correct[0] ?? '')}${tolerance}${poll.unit ? ` ${poll.unit}` : ''}`;
  }
  const texts = poll.correct.map((id) => poll.labels[id] ?? id);
  return texts.join(poll.kind === 'ordering' ? ' → ' : ' · ');
}

/** Whether a device's stored answer (see PollAnswer) was right. */
export function answerIsRight(kind: PollKind, answer: PollAnswer, solution: PollSolution): boolean {
  const given = ([] as string[]).concat(answer);
  const { correct } = solution;
  if (kind === 'number' || kind === 'word' || kind === 'ordering')
    return barIsRight(kind, given.join(','), correct, solution.tolerance);
  return given.length === correct.length && given.every((id) => correct.includes(id));
}

/** The questions a slide's `poll:` property names (comma-separated), each once, in order. */
export function slidePolls(properties: Record<string, string>): string[] {
  const ids = (properties.poll ?? '').split(',').map((id) => id.trim());
  return [...new Set(ids.filter(Boolean))];
}

export function pollPath(deck: string): string {
  return `${POLLS_PATH}/${encodeURIComponent(deck)}`;
}

export function voteUrl(deck: string, poll: string, device: string): string {
  return `${pollPath(deck)}/${encodeURIComponent(poll)}/votes/${encodeURIComponent(device)}`;
}

/** One poll of a lecture in the lecturer's results. */
export interface PollResult {
  id: string;
  questionId: string;
  kind: PollKind;
  prompt: string;
  openedAt: string;
  closedAt: string | null;
  results: PollResults;
  correct: string[];
  /** Number: as in PollSolution and PollView. */
  tolerance?: number;
  unit?: string;
  /** Plain text of each choice or step, by id. */
  labels: Record<string, string>;
}

export const PollResultsSchema = {
  type: 'object',
  properties: {
    deck: { type: 'string' },
    polls: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          questionId: { type: 'string' },
          kind: { type: 'string', enum: POLL_KINDS },
          prompt: { type: 'string' },
          openedAt: { type: 'string', format: 'date-time' },
          closedAt: { type: ['string', 'null'], format: 'date-time' },
          results: ResultsSchema,
          correct: { type: 'array', items: { type: 'string' } },
          tolerance: { type: 'number' },
          unit: { type: 'string' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
        },
        required: ['id', 'questionId', 'kind', 'prompt', 'openedAt', 'closedAt', 'results', 'correct', 'labels'],
        additionalProperties: false,
      },
    },
  },
  required: ['deck', 'polls'],
  additionalProperties: false,
} as const;

/**
 * In-lecture answers wait in the student's own browser under this key, until the deck's quiz
 * page counts them as reviews: a list of PollReview, never sent anywhere.
 */
export const POLL_REVIEWS_KEY = 'vs-poll-reviews';

export interface PollReview {
  deck: string;
  question: string;
  /** Whether the device's vote was right, as the reveal showed. */
  right: boolean;
  /** ISO time of the reveal. */
  at: string;
  /** The poll, so that a reveal seen twice counts once. */
  poll: string;
}

/** The waiting in-lecture answers as stored; anything damaged counts as none. */
export function parseReviews(text: string | null): PollReview[] {
  try {
    const reviews = JSON.parse(text ?? '[]') as unknown;
    if (!Array.isArray(reviews)) return [];
    return reviews.filter(
      (review): review is PollReview =>
        typeof review === 'object' &&
        review !== null &&
        typeof (review as PollReview).deck === 'string' &&
        typeof (review as PollReview).question === 'string' &&
        typeof (review as PollReview).right === 'boolean' &&
        typeof (review as PollReview).poll === 'string' &&
        !Number.isNaN(Date.parse((review as PollReview).at)),
    );
  } catch {
    return [];
  }
}

export const HALL_TEXT_MIN = 3;
export const HALL_TEXT_MAX = 280;
/** Questions one deck keeps at most; a hall that asks more is told so. */
export const HALL_MAX_QUESTIONS = 300;
export const HALL_ACTIONS = ['answered', 'show', 'hide'] as const;
/** answered: done, ranked last; show: shown to the room (one at a time); hide: no longer shown. */
export type HallAction = (typeof HALL_ACTIONS)[number];

/** A question from the hall: anonymous, ranked by upvotes. */
export interface HallQuestion {
  id: string;
  text: string;
  votes: number;
  answered: boolean;
  shown: boolean;
  at: string;
}

const HallQuestionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    text: { type: 'string' },
    votes: { type: 'integer' },
    answered: { type: 'boolean' },
    shown: { type: 'boolean' },
    at: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'text', 'votes', 'answered', 'shown', 'at'],
  additionalProperties: false,
} as const;

export { HallQuestionSchema };

export const HallListSchema = {
  type: 'object',
  properties: { questions: { type: 'array', items: HallQuestionSchema } },
  required: ['questions'],
  additionalProperties: false,
} as const;

export const AskInputSchema = {
  type: 'object',
  properties: {
    text: { type: 'string', minLength: HALL_TEXT_MIN, maxLength: HALL_TEXT_MAX },
    device: { type: 'string', pattern: DEVICE_ID_PATTERN },
  },
  required: ['text', 'device'],
  additionalProperties: false,
} as const;

export const UpvoteInputSchema = {
  type: 'object',
  properties: { device: { type: 'string', pattern: DEVICE_ID_PATTERN } },
  required: ['device'],
  additionalProperties: false,
} as const;

export const HallParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM, question: ID_PARAM },
  required: ['deck', 'question'],
  additionalProperties: false,
} as const;

export const HallActionParamsSchema = {
  type: 'object',
  properties: { deck: DECK_PARAM, question: ID_PARAM, action: { type: 'string', enum: HALL_ACTIONS } },
  required: ['deck', 'question', 'action'],
  additionalProperties: false,
} as const;

/** Answered questions last, then most upvotes, then the oldest first. */
export function rankHall(questions: readonly HallQuestion[]): HallQuestion[] {
  return [...questions].sort(
    (a, b) => Number(a.answered) - Number(b.answered) || b.votes - a.votes || a.at.localeCompare(b.at),
  );
}
