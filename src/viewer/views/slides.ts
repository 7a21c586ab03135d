import type { Deck } from '../../shared/deck';
import { afterPaint } from '../after-paint';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { slideRegion, slideRegionContent } from '../../shared/slide-markup';
import { el } from '../../browser/dom';

/**
 * The slides themselves: one labelled region per slide, of which the current one is visible.
 * A slide's DOM is built when it or a neighbour is shown (or for printing), so a long deck
 * starts as fast as a short one. The page may already hold the area with the first slide built
 * (see src/deck/page.ts); it is taken over as it is.
 */
export class SlidesView implements Part {
  readonly area: HTMLElement;
  readonly #containers: HTMLElement[];
  #off: (() => void) | undefined;

  constructor(
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    prebuilt: HTMLElement | null = null,
  ) {
    this.area = prebuilt ?? el('div', { class: 'remark-slides-area' });
    const first = this.area.querySelector<HTMLElement>(':scope > .remark-slide-container');
    const rest = deck.slides.slice(first ? 1 : 0);
    this.area.insertAdjacentHTML('beforeend', rest.map((slide) => slideRegion(deck, slide)).join(''));
    this.#containers = [...this.area.children] as HTMLElement[];
  }

  bind(): void {
    this.update();
    this.#off = this.navigation.on('change', () => this.update());
  }

  unbind(): void {
    this.#off?.();
  }

  update(): void {
    const current = this.navigation.index;
    this.content(current);
    for (const [index, container] of this.#containers.entries()) {
      container.classList.toggle('remark-visible', index === current);
    }
    afterPaint(() => this.#prepareNeighbours());
  }

  /** Neighbours are built and laid out, but invisible, so that a step to them only needs a paint. */
  #prepareNeighbours(): void {
    const current = this.navigation.index;
    for (const [index, container] of this.#containers.entries()) {
      const near = Math.abs(index - current) === 1;
      if (near) this.content(index);
      container.classList.toggle('vs-near', near);
    }
    // Laid out now, while nothing waits, so that the work does not land in the frame of the next step.
    void this.area.offsetWidth;
  }

  /** The visible slide's region (focus goes back here when a dialog closes). */
  get currentContainer(): HTMLElement {
    return this.#containers[this.navigation.index] as HTMLElement;
  }

  /** The `.remark-slide-content` of a slide, built on first use; undefined out of range. */
  content(index: number): HTMLElement | undefined {
    const container = this.#containers[index];
    const slide = this.deck.slides[index];
    if (!container || !slide) return undefined;
    if (!container.firstChild) container.innerHTML = slideRegionContent(this.deck, slide);
    return container.querySelector<HTMLElement>('.remark-slide-content') ?? undefined;
  }

  renderAll(): void {
    for (const index of this.#containers.keys()) this.content(index);
  }
}
