import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bankPath, listDeckFiles } from '../../../src/deck/load';
import type { Deck } from '../../../src/shared/deck';
import { courseDecks } from '../../course';
import { parseBank } from '../../../src/quiz-bank/parse';

/**
 * A hint that sends the student to a slide by its title („Die Folie „Service Discovery“ …“)
 * must name a title the deck really has: the heading of one of its slides.
 */

/** Every title a text names as `Folie „…“` or `Folien „…“ und „…“`, without Markdown marks. */
function namedSlideTitles(text: string): string[] {
  const titles: string[] = [];
  for (const mention of text.matchAll(/Folien?\s+((?:„[^“]+“(?:\s*(?:,|und)\s*)?)+)/g)) {
    for (const quoted of mention[1]!.matchAll(/„([^“]+)“/g)) titles.push(plain(quoted[1]!));
  }
  return titles;
}

function plain(markdown: string): string {
  return markdown.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of every heading (h1–h3) on the deck's slides. */
function slideTitles(deck: Deck): Set<string> {
  const titles = new Set<string>();
  for (const slide of deck.slides) {
    for (const heading of slide.html.matchAll(/<h[1-3][^>]*>(.*?)<\/h[1-3]>/gs)) {
      const text = heading[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity);
      titles.add(plain(text));
    }
  }
  return titles;
}

const banks = listDeckFiles('slides').filter(({ path }) => existsSync(bankPath(path)));
let decks: Deck[];

beforeAll(async () => {
  decks = await courseDecks();
}, 60_000);

describe('slide titles named in quiz hints', () => {
  it('finds the titles a hint names, one or several, without Markdown marks', () => {
    expect(namedSlideTitles('Die Folie „Client-Server – Anwendungsbeispiele“ nennt drei.')).toEqual([
      'Client-Server – Anwendungsbeispiele',
    ]);
    expect(namedSlideTitles('Auf den Folien „A (1)“ und „A (2)“ stehen sieben.')).toEqual(['A (1)', 'A (2)']);
    expect(namedSlideTitles('Folie „`async` und `await`“')).toEqual(['async und await']);
    expect(namedSlideTitles('Eine Folie beginnt mit einem Satz, „Zitat“ ist kein Titel.')).toEqual([]);
  });

  it('there are banks and hints that name slides', () => {
    expect(banks.length).toBeGreaterThan(0);
    const named = banks.flatMap(({ path, id }) =>
      parseBank(readFileSync(bankPath(path), 'utf8'), id).questions.flatMap((q) => q.hints.flatMap(namedSlideTitles)),
    );
    expect(named.length).toBeGreaterThan(3);
  });

  for (const { id, path } of banks) {
    it(`${id}: every slide title a hint names is a slide of the deck`, () => {
      const deck = decks.find((d) => d.id === id);
      expect(deck, `slides/${id}.md`).toBeDefined();
      const titles = slideTitles(deck!);
      const missing = parseBank(readFileSync(bankPath(path), 'utf8'), id).questions.flatMap((question) =>
        question.hints
          .flatMap(namedSlideTitles)
          .filter((title) => !titles.has(title))
          .map((title) => `${question.id}: „${title}“`),
      );
      expect(missing).toEqual([]);
    });
  }
});
