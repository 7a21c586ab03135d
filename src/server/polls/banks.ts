import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUIZ_DATA_ID, type QuizBank } from '../../shared/quiz';

/** The question banks the polls may ask from, by deck id. */
export type PollBanks = (deck: string) => QuizBank | undefined;

const DATA = new RegExp(`<script type="application/json" id="${QUIZ_DATA_ID}">([\\s\\S]*?)</script>`);

/**
 * The banks of the built site: each quiz page `quiz/<deck>/index.html` carries its compiled bank.
 * Read once per deck; a deck without a quiz page has no polls.
 */
export function siteBanks(siteDir: string, decks: Iterable<string>): PollBanks {
  const known = new Set(decks);
  const cache = new Map<string, QuizBank | undefined>();
  return (deck) => {
    if (!known.has(deck)) return undefined;
    if (!cache.has(deck)) {
      let bank: QuizBank | undefined;
      try {
        const json = DATA.exec(readFileSync(join(siteDir, 'quiz', deck, 'index.html'), 'utf8'))?.[1];
        bank = json === undefined ? undefined : (JSON.parse(json) as QuizBank);
      } catch {
        bank = undefined;
      }
      cache.set(deck, bank);
    }
    return cache.get(deck);
  };
}
