/**
 * The compiled deck: what the build (src/deck) writes into a deck page and all that the
 * viewer (src/viewer) reads. Beyond it they share only the slide markup (slide-markup.ts).
 */

export type Ratio = '16:9' | '4:3';

/** Per-deck options, set in the optional sidecar `slides/<id>.json` (see README, "Foliensätze schreiben"). */
export interface DeckOptions {
  ratio: Ratio;
  /** remark.js `highlightLines`: a code line starting with `*` is highlighted. */
  highlightLines: boolean;
  /** remark.js `countIncrementalSlides`: `--` steps get their own number. */
  countIncrementalSlides: boolean;
  /** `%current%` and `%total%` are replaced; empty string hides the number. */
  slideNumberFormat: string;
  /** Mouse wheel / trackpad navigation (debounced in the viewer). */
  scroll: boolean;
  /** Touch swipe navigation. */
  touch: boolean;
  /** Left click → next, right click → previous. */
  click: boolean;
  /** Pacing: planned minutes of a slide that plans none itself and lies in no planned section. */
  minutesPerSlide: number | null;
  /** False: the deck stays light when the page or the person picks the dark design. */
  dark: boolean;
}

export interface Slide {
  /** Position among displayed slides, 0-based; `#N` in the URL is index + 1. */
  index: number;
  /** The slide number shown to people; skips `count: false` slides. */
  number: number;
  name?: string;
  /** From the `class:` property (inherited classes first). */
  classes: string[];
  /** Every property of the slide after inheritance, as written (strings). */
  properties: Record<string, string>;
  /** True for a `--` step that continues the slide before it. */
  continued: boolean;
  html: string;
  notesHtml: string;
  /** 1-based line in the deck file where this slide's own source starts. */
  line: number;
  /** Number of mermaid diagram placeholders in `html`. */
  diagrams: number;
  /** Names of the live demo widgets embedded in `html` (e.g. `tracking`, `task`). */
  demos: string[];
}

export interface Deck {
  /** File name without `.md`; the deck's page is `/slides/<id>/`. */
  id: string;
  title: string;
  /** e.g. "Kapitel 2" or "Übung 1", from the title slide or the front matter. */
  chapter: string;
  options: DeckOptions;
  slides: Slide[];
  /** Number of the last slide (remark.js's `%total%`). */
  total: number;
}

/** A mermaid block becomes `<div class="vs-diagram"><pre class="vs-diagram-source">…</pre></div>`. */
export const DIAGRAM_CLASS = 'vs-diagram';
export const DIAGRAM_SOURCE_CLASS = 'vs-diagram-source';

/** The deck page carries the compiled deck as JSON in `<script type="application/json" id="deck-data">`. */
export const DECK_DATA_ID = 'deck-data';

export const DEFAULT_OPTIONS: DeckOptions = {
  ratio: '16:9',
  highlightLines: false,
  countIncrementalSlides: true,
  slideNumberFormat: '%current% / %total%',
  scroll: true,
  touch: true,
  click: false,
  minutesPerSlide: null,
  dark: true,
};
