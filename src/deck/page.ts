/**
 * A deck page: the viewer's template with the deck's title, the first slide already in place
 * (so that it shows before any script has run) and the compiled deck as JSON.
 */
import { DECK_DATA_ID, type Deck } from '../shared/deck';
import { escapeHtml } from '../shared/html';
import { CANVAS, slideRegion } from '../shared/slide-markup';

export const TITLE_PLACEHOLDER = '<!--deck-title-->';
export const FIRST_SLIDE_PLACEHOLDER = '<!--deck-first-slide-->';
export const DATA_PLACEHOLDER = '<!--deck-data-->';

export function renderDeckPage(template: string, deck: Deck): string {
  for (const placeholder of [TITLE_PLACEHOLDER, FIRST_SLIDE_PLACEHOLDER, DATA_PLACEHOLDER]) {
    if (!template.includes(placeholder)) throw new Error(`Die Vorlage der Folienseite enthält ${placeholder} nicht`);
  }
  const data = `<script type="application/json" id="${DECK_DATA_ID}">${scriptSafeJson(deck)}</script>`;
  return template
    .replace(TITLE_PLACEHOLDER, () => escapeHtml(deck.title))
    .replace(FIRST_SLIDE_PLACEHOLDER, () => firstSlide(deck))
    .replace(DATA_PLACEHOLDER, () => data);
}

/**
 * The viewer's container with the first slide built and shown. A small inline script scales it
 * to the window at once, and hides it when the URL asks for another slide, which the viewer
 * then shows.
 */
export function firstSlide(deck: Deck): string {
  const { width, height } = CANVAS[deck.options.ratio];
  const [slide] = deck.slides;
  if (!slide) return '';
  const area = `<div class="remark-slides-area">${slideRegion(deck, slide, { built: true, visible: true })}</div>`;
  const script = `(function (area, hash) {
  area.style.setProperty('--vs-scale', String(Math.min(innerWidth / ${width}, innerHeight / ${height})));
  if (hash !== '' && hash !== '#1') area.firstElementChild.classList.remove('remark-visible');
})(document.currentScript.previousElementSibling.firstElementChild, location.hash);`;
  return `<main class="remark-container" style="--vs-canvas-w: ${width}px; --vs-canvas-h: ${height}px">${area}</main><script>${script}</script>`;
}

/** JSON that cannot end its `<script>` element or be misread as HTML or as a JS line break. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
