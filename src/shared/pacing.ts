/**
 * Pacing: the minutes a deck plans for its slides, and whether the lecturer is ahead of or behind
 * that plan. A slide may plan its own time (`minutes: 2`); the first slide of a section may plan the
 * whole section (`section-minutes: 14`), which its slides without their own time share evenly; other
 * slides get the deck's default (`minutesPerSlide` in `slides/<id>.json`). Steps of a slide share its time.
 */
import type { Deck, Slide } from './deck';

export interface PacePlan {
  /** Per slide index: planned elapsed milliseconds when the slide (its first step) is reached. */
  startMs: number[];
  /** Per slide index: planned elapsed milliseconds when the slide is done. */
  endMs: number[];
  totalMs: number;
}

export type PaceState = 'ahead' | 'on-plan' | 'behind';

export interface Pace {
  state: PaceState;
  /** How far ahead or behind, in whole minutes (0 on plan). */
  minutes: number;
  /** Planned elapsed time at the end of the current slide. */
  plannedMs: number;
}

const MINUTE = 60_000;

/** A number of minutes as a slide property gives it, or undefined when it is missing or no such number. */
export function minutesOf(slide: Slide, property: 'minutes' | 'section-minutes'): number | undefined {
  const text = slide.properties[property]?.trim();
  if (text === undefined || !/^\d+(?:[.,]\d+)?$/.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return value <= 600 ? value : undefined;
}

/** The plan of a deck, or null when it plans no time at all. */
export function pacePlan(deck: Deck): PacePlan | null {
  const groups = deck.slides.filter((slide) => !slide.continued);
  const fallback = deck.options.minutesPerSlide ?? 0;
  const minutes = groups.map((slide) => minutesOf(slide, 'minutes'));
  const planned = groups.map((_, i) => minutes[i] ?? fallback);
  let anyPlan = fallback > 0 || minutes.some((value) => value !== undefined);
  for (let start = 0; start < groups.length; start++) {
    const section = minutesOf(groups[start]!, 'section-minutes');
    if (section === undefined) continue;
    anyPlan = true;
    let end = start + 1;
    while (end < groups.length && minutesOf(groups[end]!, 'section-minutes') === undefined) end++;
    const own = minutes.slice(start, end);
    const shared = own.filter((value) => value === undefined).length;
    const left = Math.max(0, section - own.reduce<number>((sum, value) => sum + (value ?? 0), 0));
    for (let i = start; i < end; i++) planned[i] = minutes[i] ?? (shared > 0 ? left / shared : 0);
  }
  if (!anyPlan) return null;

  const startMs: number[] = [];
  const endMs: number[] = [];
  let at = 0;
  let group = -1;
  for (const slide of deck.slides) {
    if (!slide.continued) {
      group += 1;
      at += group > 0 ? planned[group - 1]! * MINUTE : 0;
    }
    startMs.push(at);
    endMs.push(at + planned[Math.max(0, group)]! * MINUTE);
  }
  return { startMs, endMs, totalMs: at + (planned.at(-1) ?? 0) * MINUTE };
}

/**
 * Where the lecturer stands on slide `index` after `elapsedMs`: behind once the slide's planned end
 * has passed by a whole minute, ahead while its planned start is a whole minute away, else on plan.
 */
export function paceAt(plan: PacePlan, index: number, elapsedMs: number): Pace {
  const start = plan.startMs[index] ?? 0;
  const end = plan.endMs[index] ?? plan.totalMs;
  const behind = Math.floor((elapsedMs - end) / MINUTE);
  const ahead = Math.floor((start - elapsedMs) / MINUTE);
  if (behind >= 1) return { state: 'behind', minutes: behind, plannedMs: end };
  if (ahead >= 1) return { state: 'ahead', minutes: ahead, plannedMs: end };
  return { state: 'on-plan', minutes: 0, plannedMs: end };
}
