import { macros } from '../slides/macros';
import { DeckRegistry } from '../src/deck/registry';
import type { Deck } from '../src/shared/deck';

/** The course's decks from `slides/`, compiled with the course's macros, as the build does. */
export function courseDecks(): Promise<Deck[]> {
  return new DeckRegistry({ root: process.cwd(), macros }).decks();
}
