import type { Navigation } from '../model/navigation';
import type { Part } from '../part';

/** A thin bar along the bottom edge that grows with the position in the deck. */
export class Progress implements Part {
  readonly #bar = document.createElement('div');
  #off: (() => void) | undefined;

  constructor(
    root: HTMLElement,
    private readonly navigation: Navigation,
  ) {
    const track = document.createElement('div');
    track.className = 'vs-progress';
    track.setAttribute('aria-hidden', 'true');
    this.#bar.className = 'vs-progress-bar';
    track.append(this.#bar);
    root.append(track);
  }

  bind(): void {
    this.update();
    this.#off = this.navigation.on('change', () => this.update());
  }

  unbind(): void {
    this.#off?.();
  }

  update(): void {
    const { index, count } = this.navigation;
    this.#bar.style.transform = `scaleX(${count > 1 ? index / (count - 1) : 1})`;
  }
}
