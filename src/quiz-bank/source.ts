import type { Expected, QuestionKind } from '../shared/quiz';

/** A problem in a bank file, at a 1-based line of that file. */
export interface BankProblem {
  line: number;
  message: string;
}

/** A choice or ordering step as written, still Markdown. */
export interface ChoiceSource {
  id: string;
  markdown: string;
  feedback: string;
  correct: boolean;
  line: number;
}

/** A question as written in the bank file, still Markdown. */
export interface QuestionSource {
  id: string;
  topic: string;
  kind: QuestionKind;
  number?: number;
  slide: string;
  prompt: string;
  choices: ChoiceSource[];
  /** Number questions: `value:`. */
  expected?: Expected;
  answer: string;
  explanation: string;
  hints: string[];
  /** Line of the question's first property. */
  line: number;
}

/** A parsed bank file: the questions that could be read and the problems met reading it. */
export interface BankSource {
  deckId: string;
  questions: QuestionSource[];
  problems: BankProblem[];
}
