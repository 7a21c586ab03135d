/**
 * A deck page: the viewer's template with the deck's title and the compiled deck as JSON.
 */
import { DECK_DATA_ID, type Deck } from '../shared/deck';
import { escapeHtml } from './html';

export const TITLE_PLACEHOLDER = '<!--deck-title-->';
export const DATA_PLACEHOLDER = '<!--deck-data-->';

export function renderDeckPage(template: string, deck: Deck): string {
  for (const placeholder of [TITLE_PLACEHOLDER, DATA_PLACEHOLDER]) {
    if (!template.includes(placeholder)) throw new Error(`Die Vorlage der Folienseite enthält ${placeholder} nicht`);
  }
  const data = `<script type="application/json" id="${DECK_DATA_ID}">${scriptSafeJson(deck)}</script>`;
  return template.replace(TITLE_PLACEHOLDER, () => escapeHtml(deck.title)).replace(DATA_PLACEHOLDER, () => data);
}

/** JSON that cannot end its `<script>` element or be misread as HTML or as a JS line break. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
