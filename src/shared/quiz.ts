/**
 * The compiled question bank: what the build (src/quiz-bank) writes into a quiz page and
 * all that the quiz page (src/quiz) reads. Every `…Html` field is compiled at build time
 * with the slides' Markdown pipeline.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'ordering', 'text', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const KIND_NAMES: Record<QuestionKind, string> = {
  single: 'Einfachauswahl',
  multiple: 'Mehrfachauswahl',
  ordering: 'Reihenfolge',
  text: 'Freitext',
  number: 'Zahl',
};

/** An answer option of a choice question, or a step of an ordering question. */
export interface Choice {
  /** Stable within its question: `a`, `b`, `c`, … in the order the author wrote them. */
  id: string;
  /** Phrasing content (a single paragraph is unwrapped), so it fits in a label. */
  html: string;
  /** Choice questions: whether ticking this option is right. Ordering: always true. */
  correct: boolean;
  /** Why this option is right or wrong (choice), or why the step sits where it does (ordering). */
  feedbackHtml: string;
}

export interface Question {
  /** Unique within the bank; also the page's `#<id>` deep link. */
  id: string;
  topic: string;
  kind: QuestionKind;
  /** Number of the comprehension question on the deck's Verständnisfragen slide, if it is one. */
  number?: number;
  /** `name:` of the deck slide that explains the answer. */
  slide: string;
  /** That slide's heading, for the "Zur Folie" link. */
  slideTitle: string;
  promptHtml: string;
  /** Choice questions: the options as written; ordering: the steps in the right order. */
  choices: Choice[];
  /** Number questions: the value that counts as right. */
  expected?: Expected;
  answerHtml: string;
  explanationHtml: string;
  hintsHtml: string[];
}

/** The answer of a number question: right within `tolerance` of `value`, shown with `unit` (may be empty). */
export interface Expected {
  value: number;
  tolerance: number;
  unit: string;
}

export interface QuizBank {
  /** The deck this bank belongs to; the page is `/quiz/<deckId>/`. */
  deckId: string;
  deckTitle: string;
  /** e.g. "Kapitel 2"; empty when the deck names none. */
  deckChapter: string;
  questions: Question[];
}

/** The quiz page carries the compiled bank as JSON in `<script type="application/json" id="quiz-data">`. */
export const QUIZ_DATA_ID = 'quiz-data';

/** Where a question's slide lives, relative to `/quiz/<deckId>/`. */
export function slideHref(deckId: string, slide: string): string {
  return `../../slides/${encodeURIComponent(deckId)}/#${encodeURIComponent(slide)}`;
}

const SPACES = /[\s\u00a0\u202f]+/g;
const PLAIN_DECIMAL = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
/** German with thousands points: 1.000,5 */
const GERMAN_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;

/**
 * A number as a person types it: a decimal comma or point (`0,5`, `0.5`), spaces between digit
 * groups, `1.000,5` in German style, a typographic minus. Null for anything else (no exponents,
 * no fractions), and for values too large to be meant.
 */
export function parseDecimal(text: string): number | null {
  const compact = text
    .trim()
    .replace(SPACES, '')
    .replace(/^\u2212/, '-');
  let plain: string;
  if (GERMAN_GROUPED.test(compact)) plain = compact.replaceAll('.', '').replace(',', '.');
  else if (PLAIN_DECIMAL.test(compact)) plain = compact.replace(',', '.');
  else return null;
  const value = Number(plain);
  return Number.isFinite(value) && Math.abs(value) < 1e15 ? value : null;
}

/** A number in German writing, without digit grouping: 0,999, -3, 12,5. */
export function formatDecimal(value: number): string {
  return value.toLocaleString('de-DE', { useGrouping: false, maximumFractionDigits: 10 });
}

/** Whether `value` counts as the expected answer (rounding noise of the decimal input forgiven). */
export function isWithin(value: number, expected: Pick<Expected, 'value' | 'tolerance'>): boolean {
  const slack = 1e-9 * Math.max(1, Math.abs(expected.value));
  return Math.abs(value - expected.value) <= expected.tolerance + slack;
}

/** The expected answer as a line of text: „0,999 (± 0,001) ms“. */
export function expectedText(expected: Expected): string {
  const tolerance = expected.tolerance > 0 ? ` ± ${formatDecimal(expected.tolerance)}` : '';
  return `${formatDecimal(expected.value)}${tolerance}${expected.unit ? ` ${expected.unit}` : ''}`;
}
