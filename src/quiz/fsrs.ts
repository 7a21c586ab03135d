import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Outcome } from './grading';

/**
 * The spaced-repetition scheduler: ts-fsrs with one learning step of 10 minutes, for new
 * questions and after a lapse, and without fuzz. A wrong answer comes back after 10 minutes,
 * within the same sitting; a partly right one after 15; a right one leaves learning at once for
 * FSRS's interval of days, so it does not come back the same day.
 */
const scheduler = fsrs(generatorParameters({ learning_steps: ['10m'], relearning_steps: ['10m'], enable_fuzz: false }));

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/** Right → Good (Hard if hints were needed), partial → Hard, wrong → Again. */
export function gradeFor(outcome: Outcome, hintsUsed: number): Grade {
  if (outcome === 'wrong') return Rating.Again;
  if (outcome === 'partial' || hintsUsed > 0) return Rating.Hard;
  return Rating.Good;
}

/** The card after the student answered with this outcome at `now`. */
export function review(card: Card, outcome: Outcome, hintsUsed: number, now: Date): Card {
  return scheduler.next(card, now, gradeFor(outcome, hintsUsed)).card;
}
