import { DEFAULT_OPTIONS, type Deck, type Slide } from '../../../src/shared/deck';

/** A deck of the given slides; each entry is a slide's number (steps repeat it) and optional name. */
export function deckOf(slides: { number: number; name?: string; continued?: boolean }[]): Deck {
  return {
    id: 'test',
    title: 'Test',
    chapter: 'Kapitel 0',
    options: { ...DEFAULT_OPTIONS },
    total: Math.max(...slides.map((s) => s.number)),
    slides: slides.map((s, index): Slide => ({
      index,
      number: s.number,
      ...(s.name ? { name: s.name } : {}),
      classes: [],
      properties: {},
      continued: s.continued ?? false,
      html: `<h1>Folie ${index + 1}</h1>`,
      notesHtml: '',
      line: index * 3 + 1,
      diagrams: 0,
      demos: [],
    })),
  };
}

/** 1, 2, 2 (a step), 3 (named "schluss"). */
export const sample = deckOf([
  { number: 1 },
  { number: 2, name: 'mitte' },
  { number: 2, continued: true },
  { number: 3, name: 'schluss' },
]);
