import type { Part } from '../part';
import { el } from '../../browser/dom';

const SHOW_MS = 6000;

/** A short message at the top of the deck that goes away by itself (and is read out by screen readers). */
export class Notice implements Part {
  readonly #box = el('p', { class: 'vs-notice', role: 'status', hidden: true });
  #hide: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement) {
    root.append(this.#box);
  }

  bind(): void {}

  unbind(): void {
    clearTimeout(this.#hide);
  }

  show(text: string): void {
    clearTimeout(this.#hide);
    this.#box.textContent = text;
    this.#box.hidden = false;
    this.#hide = setTimeout(() => {
      this.#box.hidden = true;
    }, SHOW_MS);
  }
}
