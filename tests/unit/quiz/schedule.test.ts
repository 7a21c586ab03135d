import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  dueNow,
  nextDue,
  recordAttempt,
  type Attempt,
  type Progress,
  type QuestionProgress,
} from '../../../src/quiz/progress';
import type { QuizBank } from '../../../src/shared/quiz';
import * as scheduler from '../../../src/quiz/fsrs';
import type { Outcome } from '../../../src/quiz/grading';
import { isDue } from '../../../src/quiz/schedule';

/**
 * A fixed sequence of answers, each given exactly when the question falls due, starting on a
 * fixed clock. ts-fsrs 5 with our parameters (one learning step of 10 min, also for relearning,
 * retention 0.9, no fuzz) yields these due dates.
 */
const START = '2024-10-14T08:00:00.000Z';
const SEQUENCE: [Outcome, number, string][] = [
  ['right', 0, '2024-10-16T08:00:00.000Z'], // new and right: leaves learning at once, 2 days
  ['right', 0, '2024-10-27T08:00:00.000Z'], // 11 days
  ['right', 0, '2024-12-12T08:00:00.000Z'], // 46 days
  ['wrong', 0, '2024-12-12T08:10:00.000Z'], // lapse → relearning step (10 min)
  ['right', 0, '2024-12-15T08:10:00.000Z'], // back to review: 3 days
  ['partial', 0, '2024-12-21T08:10:00.000Z'], // "teilweise" (Hard): 6 days
  ['right', 1, '2024-12-31T08:10:00.000Z'], // right after a hint counts as Hard: 10 days
  ['right', 0, '2025-01-18T08:10:00.000Z'], // 18 days
];

const answer = (outcome: Outcome, at: Date): Attempt => ({
  at: at.toISOString(),
  outcome,
  hints: 0,
  answer: { kind: 'text', text: '' },
});

describe('spaced repetition with ts-fsrs', () => {
  it('maps outcomes to FSRS grades', () => {
    expect(scheduler.gradeFor('right', 0)).toBe(Rating.Good);
    expect(scheduler.gradeFor('right', 2)).toBe(Rating.Hard);
    expect(scheduler.gradeFor('partial', 0)).toBe(Rating.Hard);
    expect(scheduler.gradeFor('wrong', 0)).toBe(Rating.Again);
    expect(scheduler.gradeFor('wrong', 1)).toBe(Rating.Again);
  });

  it('replays a fixed sequence of grades on a fixed clock to the expected due dates', () => {
    let now = new Date(START);
    let progress: QuestionProgress | undefined;
    const dues: string[] = [];
    for (const [outcome, hints] of SEQUENCE) {
      const attempt: Attempt = { at: now.toISOString(), outcome, hints, answer: { kind: 'text', text: '' } };
      progress = recordAttempt(scheduler, progress, attempt, now);
      dues.push(progress.card.due.toISOString());
      now = progress.card.due;
    }
    expect(dues).toEqual(SEQUENCE.map(([, , due]) => due));
    expect(progress?.attempts.map((a) => a.outcome)).toEqual(SEQUENCE.map(([outcome]) => outcome));
    expect(progress?.card.lapses).toBe(1);
    expect(progress?.card.reps).toBe(SEQUENCE.length);
  });

  it('schedules a right answer later than a partial one, and that later than a wrong one', () => {
    const now = new Date(START);
    const first = recordAttempt(
      scheduler,
      undefined,
      { at: START, outcome: 'right', hints: 0, answer: { kind: 'text', text: '' } },
      now,
    );
    const second = recordAttempt(
      scheduler,
      first,
      { at: START, outcome: 'right', hints: 0, answer: { kind: 'text', text: '' } },
      first.card.due,
    );
    const after = (outcome: Outcome): number =>
      recordAttempt(
        scheduler,
        second,
        { at: START, outcome, hints: 0, answer: { kind: 'text', text: '' } },
        second.card.due,
      ).card.due.getTime();
    expect(after('right')).toBeGreaterThan(after('partial'));
    expect(after('partial')).toBeGreaterThan(after('wrong'));
  });

  it('brings a new question back after 10 minutes when wrong, 15 when partly right, 2 days when right', () => {
    const start = new Date(START);
    const due = (outcome: Outcome) =>
      recordAttempt(scheduler, undefined, answer(outcome, start), start).card.due.toISOString();
    expect(due('wrong')).toBe('2024-10-14T08:10:00.000Z');
    expect(due('partial')).toBe('2024-10-14T08:15:00.000Z');
    expect(due('right')).toBe('2024-10-16T08:00:00.000Z');
  });

  it('lists as due only what is due now: nothing right after a pass with right answers, a wrong one after 10 minutes', () => {
    const bank = { deckId: 'd', questions: ['a', 'b', 'c'].map((id) => ({ id })) } as unknown as QuizBank;
    const start = new Date(START);
    const progress: Progress = {
      deckId: 'd',
      questions: {
        a: recordAttempt(scheduler, undefined, answer('right', start), start),
        b: recordAttempt(scheduler, undefined, answer('wrong', start), start),
        c: recordAttempt(scheduler, undefined, answer('right', start), start),
      },
    };
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    expect(dueNow(bank, progress, at(0)).map((q) => q.id)).toEqual([]);
    expect(dueNow(bank, progress, at(9)).map((q) => q.id)).toEqual([]);
    expect(nextDue(progress, at(9))).toEqual(at(10));
    expect(dueNow(bank, progress, at(10)).map((q) => q.id)).toEqual(['b']);
    expect(dueNow(bank, progress, at(2 * 24 * 60)).map((q) => q.id)).toEqual(['a', 'b', 'c']);
    expect(isDue(progress.questions.a!.card, at(2 * 24 * 60 - 1))).toBe(false);
  });
});
