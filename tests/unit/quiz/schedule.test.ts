import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { recordAttempt, type Attempt, type QuestionProgress } from '../../../src/quiz/progress';
import { endOfDay, gradeFor, isDueToday, newCard, type Outcome } from '../../../src/quiz/schedule';

/**
 * A fixed sequence of answers, each given exactly when the question falls due, starting on a
 * fixed clock. ts-fsrs 5 with its default parameters (learning steps 1 min and 10 min,
 * relearning 10 min, retention 0.9, no fuzz) yields these due dates.
 */
const START = '2024-10-14T08:00:00.000Z';
const SEQUENCE: [Outcome, number, string][] = [
  ['right', 0, '2024-10-14T08:10:00.000Z'], // new → second learning step (10 min)
  ['right', 0, '2024-10-16T08:10:00.000Z'], // graduates: 2 days
  ['right', 0, '2024-10-27T08:10:00.000Z'], // 11 days
  ['wrong', 0, '2024-10-27T08:20:00.000Z'], // lapse → relearning step (10 min)
  ['right', 0, '2024-10-29T08:20:00.000Z'], // back to review: 2 days
  ['partial', 0, '2024-11-02T08:20:00.000Z'], // "teilweise" (Hard): 4 days
  ['right', 1, '2024-11-08T08:20:00.000Z'], // right after a hint counts as Hard: 6 days
  ['right', 0, '2024-11-20T08:20:00.000Z'], // 12 days
];

describe('spaced repetition with ts-fsrs', () => {
  it('maps outcomes to FSRS grades', () => {
    expect(gradeFor('right', 0)).toBe(Rating.Good);
    expect(gradeFor('right', 2)).toBe(Rating.Hard);
    expect(gradeFor('partial', 0)).toBe(Rating.Hard);
    expect(gradeFor('wrong', 0)).toBe(Rating.Again);
    expect(gradeFor('wrong', 1)).toBe(Rating.Again);
  });

  it('replays a fixed sequence of grades on a fixed clock to the expected due dates', () => {
    let now = new Date(START);
    let progress: QuestionProgress | undefined;
    const dues: string[] = [];
    for (const [outcome, hints] of SEQUENCE) {
      const attempt: Attempt = { at: now.toISOString(), outcome, hints, answer: { kind: 'text', text: '' } };
      progress = recordAttempt(progress, attempt, now);
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
      undefined,
      { at: START, outcome: 'right', hints: 0, answer: { kind: 'text', text: '' } },
      now,
    );
    const second = recordAttempt(
      first,
      { at: START, outcome: 'right', hints: 0, answer: { kind: 'text', text: '' } },
      first.card.due,
    );
    const after = (outcome: Outcome): number =>
      recordAttempt(
        second,
        { at: START, outcome, hints: 0, answer: { kind: 'text', text: '' } },
        second.card.due,
      ).card.due.getTime();
    expect(after('right')).toBeGreaterThan(after('partial'));
    expect(after('partial')).toBeGreaterThan(after('wrong'));
  });

  it('counts a question as due today until local midnight', () => {
    const evening = new Date(2024, 9, 14, 18, 0);
    expect(endOfDay(evening)).toEqual(new Date(2024, 9, 15, 0, 0));
    const card = (due: Date) => ({ ...newCard(evening), due });
    expect(isDueToday(card(new Date(2024, 9, 14, 23, 59)), evening)).toBe(true);
    expect(isDueToday(card(new Date(2024, 9, 13, 9, 0)), evening)).toBe(true);
    expect(isDueToday(card(new Date(2024, 9, 15, 0, 0)), evening)).toBe(false);
  });
});
