/**
 * The compiled question bank: what the build (src/quiz-bank) writes into a quiz page and
 * all that the quiz page (src/quiz) reads. Every `…Html` field is compiled at build time
 * with the slides' Markdown pipeline.
 */

export const QUESTION_KINDS = ['single', 'multiple', 'ordering', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

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
  answerHtml: string;
  explanationHtml: string;
  hintsHtml: string[];
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
