import { beforeAll, describe, expect, it } from 'vitest';
import { courseDecks } from '../../course';
import type { Deck } from '../../../src/shared/deck';

/**
 * The notes of the course's decks serve a lecturer in front of the room: every question to the
 * audience comes with the answer to expect, and the sections carry timing hints
 * (`**Zeit:** N min`) that add up to one 90-minute session for each chapter and exercise.
 */
let decks: Deck[];

beforeAll(async () => {
  decks = await courseDecks();
}, 60_000);

const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;
const minutes = (deck: Deck): number[] =>
  deck.slides.flatMap((slide) => [...text(slide.notesHtml).matchAll(/Zeit: (\d+) min/g)].map((m) => Number(m[1])));
const isSession = (deck: Deck): boolean => /^(Kapitel|Übung)\b/.test(deck.chapter);

describe('lecture notes', () => {
  it('the chapter and exercise decks are there', () => {
    expect(decks.filter(isSession).map((d) => d.id)).toEqual(
      expect.arrayContaining(['kapitel-2', 'uebung-1', 'uebung-2']),
    );
  });

  it('every "Frage an den Saal" has its expected answer in the same note', () => {
    const missing = decks.flatMap((deck) =>
      deck.slides
        .filter((slide) => {
          const notes = text(slide.notesHtml);
          return count(notes, 'Frage an den Saal:') > count(notes, 'Erwartete Antwort');
        })
        .map((slide) => `${deck.id} #${slide.index + 1} (Zeile ${slide.line})`),
    );
    expect(missing).toEqual([]);
  });

  it('every deck has timing hints; a chapter or an exercise adds up to 90 minutes', () => {
    for (const deck of decks) {
      expect(minutes(deck).length, deck.id).toBeGreaterThan(0);
      if (isSession(deck))
        expect(
          minutes(deck).reduce((a, b) => a + b, 0),
          deck.id,
        ).toBe(90);
    }
  });
});
