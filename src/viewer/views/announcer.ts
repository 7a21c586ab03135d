import type { Deck } from '../../shared/deck';
import { afterNextPaint } from '../after-paint';
import type { Mode, Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { slideTitle } from './canvas';
import type { SlidesView } from './slides';
import { el } from '../../browser/dom';

const MODE_NAMES: Record<Mode, string> = {
  presenter: 'Referentenansicht',
  overview: 'Folienübersicht',
  help: 'Tastenkürzel',
  search: 'Suchen und Inhalt',
  blackout: 'Schwarzbild',
  mirrored: 'Spiegelung',
  reading: 'Leseansicht',
};

/** Tells screen readers where the deck went: a polite live region, updated after each move is painted. */
export class Announcer implements Part {
  readonly #region = el('div', { class: 'vs-sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
  readonly #offs: (() => void)[] = [];

  constructor(
    root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly slides: SlidesView,
  ) {
    root.append(this.#region);
  }

  bind(): void {
    this.#offs.push(
      this.navigation.on(
        'change',
        afterNextPaint(() => this.#say(this.#slideText())),
      ),
      this.modes.on('change', ({ mode, on }) => this.#say(`${MODE_NAMES[mode]} ${on ? 'an' : 'aus'}`)),
    );
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  #slideText(): string {
    const slide = this.navigation.slide;
    return slideTitle(this.deck, slide, this.slides.content(slide.index));
  }

  #say(text: string): void {
    this.#region.textContent = text;
  }
}
