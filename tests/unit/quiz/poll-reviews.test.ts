import { describe, expect, it } from 'vitest';
import { decodeProgress, encodeProgress } from '../../../src/quiz/codec';
import * as scheduler from '../../../src/quiz/fsrs';
import { takenOverMessage, takeOverReviews } from '../../../src/quiz/poll-reviews';
import { emptyProgress, recordAttempt } from '../../../src/quiz/progress';
import type { PollReview } from '../../../src/shared/polls';

const IDS = ['cap-theorem', 'quorum', 'lamport'];
const review = (question: string, right: boolean, at: string, poll: string, deck = 'kap-2'): PollReview => ({
  deck,
  question,
  right,
  at,
  poll,
});

describe('in-lecture answers as reviews', () => {
  it('schedules right as Good and wrong as Again at the time of the reveal', () => {
    const { progress, taken, rest } = takeOverReviews(scheduler, emptyProgress('kap-2'), IDS, [
      review('cap-theorem', true, '2024-10-14T08:00:00.000Z', 'p1'),
      review('quorum', false, '2024-10-14T08:05:00.000Z', 'p2'),
    ]);
    expect(taken).toBe(2);
    expect(rest).toEqual([]);
    // New and right: leaves learning at once, due in 2 days (as a quiz answer would be).
    expect(progress.questions['cap-theorem']?.card.due.toISOString()).toBe('2024-10-16T08:00:00.000Z');
    // New and wrong: the learning step of 10 minutes.
    expect(progress.questions.quorum?.card.due.toISOString()).toBe('2024-10-14T08:15:00.000Z');
    expect(progress.questions.quorum?.attempts).toEqual([
      { at: '2024-10-14T08:05:00.000Z', outcome: 'wrong', hints: 0, answer: { kind: 'poll', poll: 'p2' } },
    ]);
  });

  it('counts a poll once, also when it is still waiting after being taken over', () => {
    const waiting = [
      review('lamport', true, '2024-10-14T08:00:00.000Z', 'p1'),
      review('lamport', true, '2024-10-14T08:00:00.000Z', 'p1'),
    ];
    const first = takeOverReviews(scheduler, emptyProgress('kap-2'), IDS, waiting);
    expect(first.taken).toBe(1);
    expect(first.progress.questions.lamport?.card.reps).toBe(1);
    const again = takeOverReviews(scheduler, first.progress, IDS, waiting);
    expect(again.taken).toBe(0);
    expect(again.progress.questions.lamport).toEqual(first.progress.questions.lamport);
  });

  it('keeps other decks waiting and drops questions the bank does not have', () => {
    const other = review('paxos', false, '2024-10-14T08:00:00.000Z', 'p9', 'kap-3');
    const { taken, rest, progress } = takeOverReviews(scheduler, emptyProgress('kap-2'), IDS, [
      other,
      review('gone', true, '2024-10-14T08:00:00.000Z', 'p3'),
    ]);
    expect(taken).toBe(0);
    expect(rest).toEqual([other]);
    expect(progress.questions).toEqual({});
  });

  it('applies answers oldest first and never before the last review', () => {
    const start = new Date('2024-10-20T09:00:00.000Z');
    const answered = recordAttempt(
      scheduler,
      undefined,
      { at: start.toISOString(), outcome: 'right', hints: 0, answer: { kind: 'choice', selected: ['a'] } },
      start,
    );
    const before = { ...emptyProgress('kap-2'), questions: { quorum: answered } };
    const { progress } = takeOverReviews(scheduler, before, IDS, [
      review('quorum', true, '2024-10-22T09:00:00.000Z', 'late'),
      review('quorum', false, '2024-10-14T08:00:00.000Z', 'early'),
    ]);
    const attempts = progress.questions.quorum?.attempts ?? [];
    expect(attempts.map((attempt) => [attempt.at, attempt.outcome])).toEqual([
      [start.toISOString(), 'right'],
      [start.toISOString(), 'wrong'],
      ['2024-10-22T09:00:00.000Z', 'right'],
    ]);
    expect(progress.questions.quorum?.card.lapses).toBe(1);
  });

  it('stores the poll answer so that an export reads back', () => {
    const { progress } = takeOverReviews(scheduler, emptyProgress('kap-2'), IDS, [
      review('quorum', true, '2024-10-14T08:00:00.000Z', 'p1'),
    ]);
    const decoded = decodeProgress(JSON.parse(JSON.stringify(encodeProgress(progress))), 'kap-2');
    expect(decoded.ok && decoded.dropped).toBe(0);
    expect(decoded.ok && decoded.progress.questions.quorum?.attempts[0]?.answer).toEqual({ kind: 'poll', poll: 'p1' });
  });

  it('tells the student how many were taken over', () => {
    expect(takenOverMessage(1)).toBe('Eine Antwort aus der Vorlesung wurde in Ihren Wiederholungsplan übernommen.');
    expect(takenOverMessage(3)).toBe('3 Antworten aus der Vorlesung wurden in Ihren Wiederholungsplan übernommen.');
  });
});
