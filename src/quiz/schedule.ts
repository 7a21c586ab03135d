import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';

/** How a student did on a question: by the check of a choice, or by their own grade of a free text. */
export type Outcome = 'right' | 'partial' | 'wrong';

/** The spaced-repetition scheduler with ts-fsrs's default parameters. */
const scheduler = fsrs();

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

/** Local midnight at the end of `now`'s day: a card due before it is due today. */
export function endOfDay(now: Date): Date {
  const end = new Date(now);
  end.setHours(24, 0, 0, 0);
  return end;
}

export function isDueToday(card: Card, now: Date): boolean {
  return card.due.getTime() < endOfDay(now).getTime();
}
