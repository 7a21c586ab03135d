import type { Deck } from '../../shared/deck';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import { slideCopy, slideTitle } from './canvas';
import type { Diagrams } from './diagrams';
import { dialogHeader, type DialogContent } from './mode-dialog';
import { el } from '../../browser/dom';

const MOVES: Record<string, (index: number, columns: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowDown: (i, columns) => i + columns,
  ArrowUp: (i, columns) => i - columns,
  Home: () => 0,
  End: () => Number.MAX_SAFE_INTEGER,
};

/**
 * The overview grid (O): a thumbnail of every slide. Click one, or move with the arrow keys
 * and press Enter, to jump there.
 */
export function overviewContent(deck: Deck, navigation: Navigation, modes: Modes, diagrams: Diagrams): DialogContent {
  let buttons: HTMLButtonElement[] = [];
  return {
    fill(dialog) {
      dialogHeader(dialog, 'Folienübersicht');
      const items = deck.slides.map((slide) => {
        const scaler = el('div', { class: 'remark-slide-scaler' }, slideCopy(deck, slide));
        const button = el('button', {
          type: 'button',
          class: 'vs-thumb-button',
          'aria-label': slideTitle(deck, slide, scaler),
        });
        button.addEventListener('click', () => {
          navigation.goTo(slide.index);
          modes.set('overview', false);
        });
        return el('li', {}, el('div', { class: 'vs-thumb', inert: true }, scaler), button);
      });
      buttons = items.map((item) => item.lastElementChild as HTMLButtonElement);
      const grid = el('ol', { class: 'vs-overview-grid' }, ...items);
      grid.addEventListener('keydown', (event) => {
        const move = MOVES[event.key];
        const from = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (!move || from < 0) return;
        event.preventDefault();
        event.stopPropagation();
        const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
        const to = Math.min(buttons.length - 1, Math.max(0, move(from, columns)));
        buttons[to]?.focus();
      });
      dialog.append(grid);
      void diagrams.renderIn(grid);
    },
    opened() {
      for (const [index, button] of buttons.entries()) {
        if (index === navigation.index) button.setAttribute('aria-current', 'true');
        else button.removeAttribute('aria-current');
      }
      const current = buttons[navigation.index];
      current?.scrollIntoView({ block: 'center' });
      return current ?? null;
    },
  };
}
