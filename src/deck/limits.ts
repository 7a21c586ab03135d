/**
 * Size limits that keep a build fast on hostile or runaway input (nesting is bounded in
 * nesting.ts). Real decks stay far below them: a 95-slide chapter has 76,000 characters, its
 * largest slide 1,300, and no slide more than 20 content classes; a formula-heavy lecture has
 * about 400 formulas.
 */
import type { Part } from './parts';

export const LIMITS = {
  /** Characters in a deck file. */
  deck: 500_000,
  /** Slides in a deck file, every `--` step counted. */
  slides: 1_000,
  /** Characters of one slide's content or notes after inheritance. */
  slide: 20_000,
  /** Characters converted for the whole deck (steps repeat what came before). */
  converted: 2_000_000,
  /** Content classes of one slide after inheritance: each is converted as a document of its own. */
  slideClasses: 300,
  /** Content classes converted for the whole deck (steps repeat what came before). */
  classes: 10_000,
  /** Formulas typeset for the whole deck (steps repeat what came before); each costs about a millisecond. */
  formulas: 2_000,
};

export function partsLength(parts: readonly Part[]): number {
  let length = 0;
  for (const part of parts)
    length += typeof part === 'string' ? part.length : partsLength(part.parts) + part.classes.join('.').length + 3;
  return length;
}

export function classCount(parts: readonly Part[]): number {
  let count = 0;
  for (const part of parts) if (typeof part !== 'string') count += 1 + classCount(part.parts);
  return count;
}

/** Formulas as `$` delimiters count them: runs of `$` not after a backslash, two per formula. */
export function formulaCount(parts: readonly Part[]): number {
  let delimiters = 0;
  for (const part of parts) {
    if (typeof part === 'string') delimiters += part.match(/(?<!\\)\$+/g)?.length ?? 0;
    else delimiters += 2 * formulaCount(part.parts);
  }
  return Math.floor(delimiters / 2);
}

export function formatCount(count: number): string {
  return count.toLocaleString('de-DE');
}
