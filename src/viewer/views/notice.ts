import type { Part } from '../part';

const SHOW_MS = 6000;

/** A short message at the top of the deck that goes away by itself (and is read out by screen readers). */
export class Notice implements Part {
  readonly #box = document.createElement('p');
  #hide: ReturnType<typeof setTimeout> | undefined;

  constructor(root: HTMLElement) {
    this.#box.className = 'vs-notice';
    this.#box.setAttribute('role', 'status');
    this.#box.hidden = true;
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
