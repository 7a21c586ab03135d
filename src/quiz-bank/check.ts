import { relative } from 'node:path';
import { DeckError } from '../deck/diagnostics';
import { bankPath, loadDeck } from '../deck/load';
import type { MacroRegistry } from '../deck/macros';
import { checkBank, summarizeBank } from './load';

/**
 * `npm run deck -- check` for the quiz bank beside a deck: its one-line summary, or a
 * DeckError listing every problem with the bank file and line.
 */
export async function checkQuizOf(deckPath: string, macros?: MacroRegistry): Promise<string> {
  const { deck } = await loadDeck(deckPath, macros ? { macros } : {});
  const checked = await checkBank(deckPath, deck, macros);
  const file = relative(process.cwd(), checked?.file ?? bankPath(deckPath));
  if (!checked) return `${file}: kein Quiz zu diesem Foliensatz`;
  if (!checked.bank) {
    throw new DeckError(checked.problems.map(({ line, message }) => ({ severity: 'error', file, line, message })));
  }
  return `${file}: ${summarizeBank(checked.bank)}`;
}
