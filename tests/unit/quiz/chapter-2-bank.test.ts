import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseDecks } from '../../course';
import type { Deck } from '../../../src/shared/deck';
import { checkBank, type CheckedBank } from '../../../src/quiz-bank/load';
import { parseBank } from '../../../src/quiz-bank/parse';

/** The chapter 2 bank against the real chapter 2 deck, as `npm run deck -- check` sees it. */
const deckFile = resolve('slides/kapitel-2.md');
let deck: Deck;
let checked: CheckedBank | null;

beforeAll(async () => {
  const decks = await courseDecks();
  const found = decks.find((d) => d.id === 'kapitel-2');
  if (!found) throw new Error('slides/kapitel-2.md fehlt');
  deck = found;
  checked = await checkBank(deckFile, deck);
}, 60_000);

describe('chapter 2 question bank', () => {
  it('has no problems: every question has an answer, explanation, hint and an existing slide', () => {
    expect(checked?.problems).toEqual([]);
    expect(checked?.bank).not.toBeNull();
  });

  it('covers all 23 comprehension questions of the deck as free text', () => {
    const questions = parseBank(readFileSync(resolve('slides/kapitel-2.quiz.md'), 'utf8'), 'kapitel-2').questions;
    const textNumbers = questions.filter((q) => q.kind === 'text').map((q) => q.number);
    expect(textNumbers).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  });

  it('has at least 15 choice versions of comprehension questions and an ordering question', () => {
    const questions = checked?.bank?.questions ?? [];
    const choice = questions.filter((q) => (q.kind === 'single' || q.kind === 'multiple') && q.number !== undefined);
    expect(new Set(choice.map((q) => q.number)).size).toBeGreaterThanOrEqual(15);
    expect(questions.some((q) => q.kind === 'ordering' && q.slide === 'reverse-proxy')).toBe(true);
  });

  it('links every question to a named slide of the deck', () => {
    const names = new Set(deck.slides.map((s) => s.name));
    for (const question of checked?.bank?.questions ?? []) expect(names, question.id).toContain(question.slide);
  });
});
