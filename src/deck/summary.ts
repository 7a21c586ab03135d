/**
 * The one-line overview `npm run deck -- check` prints. A slide with its `--` steps counts
 * once; its last step holds everything the earlier steps show.
 */
import type { Slide } from '../shared/deck';
import type { CompiledDeck } from './compile';

export interface DeckSummary {
  /** Slides, each with its steps counted once. */
  slides: number;
  /** Displayed slides including every `--` step. */
  steps: number;
  /** Slides with presenter notes. */
  notes: number;
  /** Distinct images. */
  figures: number;
  diagrams: number;
  demos: number;
}

export function summarize({ deck, images }: CompiledDeck): DeckSummary {
  const groups: Slide[][] = [];
  for (const slide of deck.slides) {
    if (slide.continued && groups.length > 0) groups.at(-1)!.push(slide);
    else groups.push([slide]);
  }
  const last = groups.map((group) => group.at(-1)!);
  return {
    slides: groups.length,
    steps: deck.slides.length,
    notes: groups.filter((group) => group.some((slide) => slide.notesHtml !== '')).length,
    figures: images.length,
    diagrams: last.reduce((sum, slide) => sum + slide.diagrams, 0),
    demos: last.reduce((sum, slide) => sum + slide.demos.length, 0),
  };
}

export function formatSummary(file: string, summary: DeckSummary): string {
  const steps = summary.steps > summary.slides ? ` (${summary.steps} mit Schritten)` : '';
  return (
    `${file}: ${summary.slides} Folien${steps}, ${summary.notes} mit Notizen, ` +
    `${summary.figures} Abbildungen, ${summary.diagrams} Diagramme, ${summary.demos} Demos`
  );
}
