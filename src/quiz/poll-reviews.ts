import type { PollReview } from '../shared/polls';
import { MAX_ATTEMPTS, type Progress, type QuestionProgress } from './progress';
import type { Scheduler } from './schedule';

export interface TakenOver {
  progress: Progress;
  /** In-lecture answers counted as reviews now. */
  taken: number;
  /** What stays under the key: the other decks' answers. */
  rest: PollReview[];
}

/**
 * Counts a deck's in-lecture answers as reviews, oldest first: right → Good, wrong → Again, at
 * the time of the reveal (never before the card's last review, which FSRS cannot go back to).
 * A poll already in the attempts is not counted again; answers to questions the bank no longer
 * has are dropped.
 */
export function takeOverReviews(
  scheduler: Scheduler,
  progress: Progress,
  questionIds: readonly string[],
  reviews: readonly PollReview[],
): TakenOver {
  const mine = reviews.filter((review) => review.deck === progress.deckId);
  const rest = reviews.filter((review) => review.deck !== progress.deckId);
  const questions: Record<string, QuestionProgress> = { ...progress.questions };
  const counted = new Set(
    Object.values(questions).flatMap((entry) =>
      entry.attempts.flatMap((attempt) => (attempt.answer.kind === 'poll' ? [attempt.answer.poll] : [])),
    ),
  );
  let taken = 0;
  for (const review of [...mine].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (!questionIds.includes(review.question) || counted.has(review.poll)) continue;
    counted.add(review.poll);
    const previous = questions[review.question];
    const lastReview = previous?.card.last_review?.getTime() ?? 0;
    const now = new Date(Math.max(Date.parse(review.at), lastReview));
    const card = previous?.card ?? scheduler.newCard(now);
    const outcome = review.right ? 'right' : 'wrong';
    questions[review.question] = {
      ...previous,
      card: scheduler.review(card, outcome, 0, now),
      attempts: [
        ...(previous?.attempts ?? []),
        { at: now.toISOString(), outcome, hints: 0, answer: { kind: 'poll', poll: review.poll } } as const,
      ].slice(-MAX_ATTEMPTS),
    };
    taken++;
  }
  return { progress: { ...progress, questions }, taken, rest };
}

/** The student's line about it. */
export function takenOverMessage(taken: number): string {
  return taken === 1
    ? 'Eine Antwort aus der Vorlesung wurde in Ihren Wiederholungsplan übernommen.'
    : `${taken} Antworten aus der Vorlesung wurden in Ihren Wiederholungsplan übernommen.`;
}
