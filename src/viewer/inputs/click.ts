import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { onInteractive } from './targets';

/** Deck option `click`: left click forward, right click back (links and widgets keep their clicks). */
export class Click implements Part {
  constructor(
    private readonly area: HTMLElement,
    private readonly navigation: Navigation,
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
    if (event.button !== 0 || onInteractive(event) || String(getSelection() ?? '') !== '') return;
    this.navigation.next();
  };

  readonly #onContextMenu = (event: MouseEvent): void => {
    if (onInteractive(event)) return;
    event.preventDefault();
    this.navigation.previous();
  };
}
