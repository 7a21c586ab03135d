import './search.css';
import type { Deck, Slide } from '../../shared/deck';
import { DIAGRAM_SOURCE_CLASS } from '../../shared/deck';
import { search, type SearchEntry, type SearchHit } from '../../shared/search';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import { dialogHeader, type DialogContent } from './mode-dialog';

interface SlideEntry extends SearchEntry {
  /** The first step of the slide: a hit jumps there. */
  index: number;
  slide: Slide;
  /** Opens a section: its first heading is a level-one heading. */
  section: boolean;
}

/** One entry per slide, from its last step (which shows everything), read from the deck's markup. */
function entries(deck: Deck): SlideEntry[] {
  const template = document.createElement('template');
  const result: SlideEntry[] = [];
  let first = 0;
  for (const slide of deck.slides) {
    if (!slide.continued) first = slide.index;
    if (deck.slides[slide.index + 1]?.continued) continue;
    template.innerHTML = slide.html;
    for (const source of template.content.querySelectorAll(`.${DIAGRAM_SOURCE_CLASS}`)) source.remove();
    const heading = template.content.querySelector('h1, h2, h3');
    const title = heading?.textContent?.trim() ?? '';
    const text = (template.content.textContent ?? '').replace(/\s+/g, ' ').trim();
    result.push({ index: first, slide: deck.slides[first]!, title, text, section: heading?.localName === 'h1' });
  }
  return result;
}

/**
 * Search and contents (/): one field searches the text of every slide, slides whose title
 * matches first; Enter jumps to the first hit, the arrow keys walk the list. Without a query
 * it lists the deck's sections (slides that open with a level-one heading).
 */
export function searchContent(deck: Deck, navigation: Navigation, modes: Modes): DialogContent {
  const all = entries(deck);
  const input = document.createElement('input');
  const count = document.createElement('p');
  const list = document.createElement('ol');
  let buttons: HTMLButtonElement[] = [];

  const jump = (index: number): void => {
    navigation.goTo(index);
    modes.set('search', false);
  };

  const item = (entry: SlideEntry, hit?: SearchHit<SlideEntry>): HTMLLIElement => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    const label = document.createElement('span');
    label.className = 'vs-search-label';
    label.textContent = `Folie ${entry.slide.number || entry.index + 1}`;
    const title = document.createElement('span');
    title.className = 'vs-search-title';
    title.textContent = entry.title || '(ohne Überschrift)';
    button.append(label, title);
    if (hit && !hit.inTitle) {
      const text = document.createElement('span');
      text.className = 'vs-search-snippet';
      const mark = document.createElement('mark');
      mark.textContent = hit.snippet.match;
      text.append(hit.snippet.before, mark, hit.snippet.after);
      button.append(text);
    }
    button.addEventListener('click', () => jump(entry.index));
    li.append(button);
    return li;
  };

  const show = (): void => {
    const query = input.value.trim();
    const items = query
      ? search(all, query).map((hit) => item(hit.entry, hit))
      : all.filter((entry) => entry.section).map((entry) => item(entry));
    list.replaceChildren(...items);
    buttons = items.map((li) => li.firstElementChild as HTMLButtonElement);
    list.setAttribute('aria-label', query ? 'Treffer' : 'Abschnitte');
    count.textContent = query
      ? items.length === 0
        ? `Keine Folie enthält „${query}“.`
        : `${items.length} ${items.length === 1 ? 'Folie' : 'Folien'} gefunden`
      : `Abschnitte des Foliensatzes (${items.length})`;
  };

  const move = (event: KeyboardEvent): void => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : undefined;
    if (to === undefined) return;
    event.preventDefault();
    if (to < 0) input.focus();
    else buttons[Math.min(to, buttons.length - 1)]?.focus();
  };

  return {
    fill(dialog) {
      dialogHeader(dialog, 'Suchen und Inhalt');
      const field = document.createElement('label');
      field.className = 'vs-search-field';
      field.append('Suchbegriff');
      input.type = 'search';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.placeholder = 'Wort oder Begriff, Eingabe springt zum ersten Treffer';
      field.append(input);
      count.className = 'vs-search-count';
      count.setAttribute('role', 'status');
      list.className = 'vs-search-results';
      input.addEventListener('input', show);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && buttons[0]) {
          event.preventDefault();
          buttons[0].click();
        } else if (event.key === 'Escape') {
          // A search field would only clear itself: Esc closes, as in every other dialog.
          event.preventDefault();
          modes.set('search', false);
        } else move(event);
      });
      list.addEventListener('keydown', move);
      dialog.append(field, count, list);
      show();
    },
    opened() {
      input.select();
      return input;
    },
  };
}
