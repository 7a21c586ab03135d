import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { onInteractive } from './targets';

/** Deck option `click`: left click forward, right click back (links and widgets keep their clicks; not in the reading view). */
export class Click implements Part {
  constructor(
    private readonly area: HTMLElement,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
  ) {}

  bind(): void {
    this.area.addEventListener('click', this.#onClick);
    this.area.addEventListener('contextmenu', this.#onContextMenu);
  }

  unbind(): void {
    this.area.removeEventListener('click', this.#onClick);
    this.area.removeEventListener('contextmenu', this.#onContextMenu);
  }

  readonly #onClick = (event: MouseEvent): void => {
    if (this.modes.has('reading')) return;
    if (event.button !== 0 || onInteractive(event) || String(getSelection() ?? '') !== '') return;
    this.navigation.next();
  };

  readonly #onContextMenu = (event: MouseEvent): void => {
    if (onInteractive(event) || this.modes.has('reading')) return;
    event.preventDefault();
    this.navigation.previous();
  };
}
