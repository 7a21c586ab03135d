import type { Deck } from '../../shared/deck';

export interface Location {
  index: number;
  presenter: boolean;
}

/**
 * remark.js's URL hash: `#12` is the 12th displayed slide (index + 1), `#p12` the same in
 * presenter view, `#name` a named slide. Anything else (empty, unknown, `#02`) → first slide.
 */
export function parseHash(hash: string, deck: Deck): Location {
  const value = decoded(hash.replace(/^#/, ''));
  const numbered = /^(p?)([1-9]\d*)$/.exec(value);
  if (numbered) {
    const index = Number(numbered[2]) - 1;
    if (index < deck.slides.length) return { index, presenter: numbered[1] === 'p' };
  }
  const named = value === '' ? -1 : findLast(deck, value);
  return { index: Math.max(named, 0), presenter: false };
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A later slide with the same name wins, as in remark.js. */
function findLast(deck: Deck, name: string): number {
  for (let i = deck.slides.length - 1; i >= 0; i--) if (deck.slides[i]?.name === name) return i;
  return -1;
}

export function formatHash({ index, presenter }: Location): string {
  return `#${presenter ? 'p' : ''}${index + 1}`;
}
