import { afterNextPaint } from '../after-paint';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { el } from '../../browser/dom';

/** A thin bar along the bottom edge that grows with the position in the deck (after the slide is painted). */
export class Progress implements Part {
  readonly #bar = el('div', { class: 'vs-progress-bar' });
  #off: (() => void) | undefined;

  constructor(
    root: HTMLElement,
    private readonly navigation: Navigation,
  ) {
    root.append(el('div', { class: 'vs-progress', 'aria-hidden': 'true' }, this.#bar));
  }

  bind(): void {
    this.update();
    this.#off = this.navigation.on(
      'change',
      afterNextPaint(() => this.update()),
    );
  }

  unbind(): void {
    this.#off?.();
  }

  update(): void {
    const { index, count } = this.navigation;
    this.#bar.style.transform = `scaleX(${count > 1 ? index / (count - 1) : 1})`;
  }
}
