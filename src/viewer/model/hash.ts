import type { Deck } from '../../shared/deck';

export interface Location {
  index: number;
  presenter: boolean;
}

/** A parsed hash; `known` is false for one that names no slide of the deck. */
export interface Target extends Location {
  known: boolean;
}

/**
 * remark.js's URL hash, as `readHash` gives it: `12` is the 12th displayed slide (index + 1),
 * `p12` the same in presenter view, `name` a named slide, no hash the first slide. Anything
 * else (unknown, out of range, `02`) → first slide, not known.
 */
export function parseHash(value: string, deck: Deck): Target {
  const numbered = /^(p?)([1-9]\d*)$/.exec(value);
  if (numbered) {
    const index = Number(numbered[2]) - 1;
    if (index < deck.slides.length) return { index, presenter: numbered[1] === 'p', known: true };
  }
  const named = value === '' ? 0 : findLast(deck, value);
  return { index: Math.max(named, 0), presenter: false, known: named >= 0 };
}

/** A later slide with the same name wins, as in remark.js. */
function findLast(deck: Deck, name: string): number {
  for (let i = deck.slides.length - 1; i >= 0; i--) if (deck.slides[i]?.name === name) return i;
  return -1;
}

export function formatHash({ index, presenter }: Location): string {
  return `${presenter ? 'p' : ''}${index + 1}`;
}
