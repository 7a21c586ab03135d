import type { Card } from 'ts-fsrs';
import type { Question, QuizBank } from '../shared/quiz';
import type { Outcome } from './grading';
import { isDue, type Scheduler } from './schedule';

/** What the student answered: ticked options, an arrangement of steps, or a free text. */
export type Answer =
  | { kind: 'choice'; selected: string[] }
  | { kind: 'ordering'; order: string[] }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** Answered in a live poll during the lecture; only whether it was right is known. */
  | { kind: 'poll'; poll: string };

export interface Attempt {
  /** ISO time of the answer. */
  at: string;
  outcome: Outcome;
  /** Hints the student opened before answering. */
  hints: number;
  answer: Answer;
}

export interface QuestionProgress {
  card: Card;
  /** Oldest first, at most MAX_ATTEMPTS. */
  attempts: Attempt[];
  /** A free-text answer typed but not yet compared with the model answer. */
  draft?: string;
}

/** Everything the quiz remembers about one deck's questions for one student. */
export interface Progress {
  deckId: string;
  /** The question shown last. */
  current?: string;
  questions: Record<string, QuestionProgress>;
}

export const MAX_ATTEMPTS = 20;
/** Wrong this many times in a row → "Folie noch einmal lesen". */
export const REREAD_AFTER = 2;

export function emptyProgress(deckId: string): Progress {
  return { deckId, questions: {} };
}

/** The question's progress after an answer: attempt appended, card rescheduled, draft gone. */
export function recordAttempt(
  scheduler: Scheduler,
  previous: QuestionProgress | undefined,
  attempt: Attempt,
  now: Date,
): QuestionProgress {
  const card = previous?.card ?? scheduler.newCard(now);
  return {
    card: scheduler.review(card, attempt.outcome, attempt.hints, now),
    attempts: [...(previous?.attempts ?? []), attempt].slice(-MAX_ATTEMPTS),
  };
}

export function lastAttempt(progress: QuestionProgress | undefined): Attempt | undefined {
  return progress?.attempts.at(-1);
}

/** Wrong answers in a row, counted back from the latest. */
export function wrongStreak(progress: QuestionProgress | undefined): number {
  const attempts = progress?.attempts ?? [];
  let streak = 0;
  for (let i = attempts.length - 1; i >= 0 && attempts[i]?.outcome === 'wrong'; i--) streak++;
  return streak;
}

export function needsReread(progress: QuestionProgress | undefined): boolean {
  return wrongStreak(progress) >= REREAD_AFTER;
}

/** Answered questions whose next review time has come, in bank order. */
export function dueNow(bank: QuizBank, progress: Progress, now: Date): Question[] {
  return bank.questions.filter((question) => {
    const entry = progress.questions[question.id];
    return entry !== undefined && entry.attempts.length > 0 && isDue(entry.card, now);
  });
}

/** The earliest future review time of an answered question, if any: when the due list grows next. */
export function nextDue(progress: Progress, now: Date): Date | undefined {
  const times = Object.values(progress.questions)
    .filter((entry) => entry.attempts.length > 0 && !isDue(entry.card, now))
    .map((entry) => entry.card.due.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : undefined;
}

/** Questions whose latest answer was wrong, in bank order. */
export function wrongOnes(bank: QuizBank, progress: Progress): Question[] {
  return bank.questions.filter((question) => lastAttempt(progress.questions[question.id])?.outcome === 'wrong');
}

export interface TopicScore {
  topic: string;
  total: number;
  right: number;
  partial: number;
  wrong: number;
  /** 0…1: right counts 1, partial ½, wrong and unanswered 0; by latest answers. */
  score: number;
}

/** Scores by topic, topics in the order they first appear in the bank. */
export function topicScores(bank: QuizBank, progress: Progress): TopicScore[] {
  const scores = new Map<string, TopicScore>();
  for (const question of bank.questions) {
    const score = scores.get(question.topic) ?? {
      topic: question.topic,
      total: 0,
      right: 0,
      partial: 0,
      wrong: 0,
      score: 0,
    };
    score.total++;
    const outcome = lastAttempt(progress.questions[question.id])?.outcome;
    if (outcome) score[outcome]++;
    score.score = (score.right + score.partial / 2) / score.total;
    scores.set(question.topic, score);
  }
  return [...scores.values()];
}
