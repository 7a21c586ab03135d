import type { Card } from 'ts-fsrs';
import type * as fsrs from './fsrs';

/** The scheduler (src/quiz/fsrs.ts): new cards and reviews. */
export type Scheduler = typeof fsrs;

let scheduler: Scheduler | undefined;
let loading: Promise<Scheduler> | undefined;

/**
 * Loads the scheduler, once. ts-fsrs is as large as the rest of the quiz page, and it is only
 * needed once the student answers, so it is loaded on the first answering action.
 */
export function loadScheduler(): Promise<Scheduler> {
  loading ??= import('./fsrs').then((module) => (scheduler = module));
  return loading;
}

/** Runs `apply` with the scheduler: at once if it is loaded, otherwise as soon as it arrives. */
export function withScheduler(apply: (scheduler: Scheduler) => void): void {
  if (scheduler) return apply(scheduler);
  void loadScheduler().then(apply);
}

/** A question is due once its next review time has come. */
export function isDue(card: Card, now: Date): boolean {
  return card.due.getTime() <= now.getTime();
}
