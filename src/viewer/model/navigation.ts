import type { Deck, Slide } from '../../shared/deck';
import { Emitter } from '../../browser/emitter';

/**
 * Who moved the deck. Inputs pass their own origin so that a listener can ignore its own
 * echoes (clone sync does not re-send what it received) and so that a remote input such as
 * audience-follow can tell a local step away from its own moves.
 */
export type Origin = 'init' | 'user' | 'location' | 'sync' | 'follow' | 'reading';

export interface SlideChange {
  index: number;
  previous: number;
  origin: Origin;
}

/** The current slide. Inputs ask it to move; views listen to `change`. Never wraps around. */
export class Navigation extends Emitter<{ change: SlideChange }> {
  #index: number;

  constructor(
    readonly deck: Deck,
    initialIndex = 0,
  ) {
    super();
    this.#index = this.#valid(initialIndex) ? initialIndex : 0;
  }

  get index(): number {
    return this.#index;
  }

  get count(): number {
    return this.deck.slides.length;
  }

  get slide(): Slide {
    return this.slideAt(this.#index) as Slide;
  }

  slideAt(index: number): Slide | undefined {
    return this.deck.slides[index];
  }

  /** Moves to a 0-based index; false (and no event) when out of range or already there. */
  goTo(index: number, origin: Origin = 'user'): boolean {
    if (!this.#valid(index) || index === this.#index) return false;
    const previous = this.#index;
    this.#index = index;
    this.emit('change', { index, previous, origin });
    return true;
  }

  next(origin: Origin = 'user'): boolean {
    return this.goTo(this.#index + 1, origin);
  }

  previous(origin: Origin = 'user'): boolean {
    return this.goTo(this.#index - 1, origin);
  }

  first(origin: Origin = 'user'): boolean {
    return this.goTo(0, origin);
  }

  last(origin: Origin = 'user'): boolean {
    return this.goTo(this.count - 1, origin);
  }

  /** Jumps to the first slide showing this number (remark.js counts `count: false` and steps). */
  goToNumber(number: number, origin: Origin = 'user'): boolean {
    const index = this.deck.slides.findIndex((slide) => slide.number === number);
    return index >= 0 && this.goTo(index, origin);
  }

  #valid(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.count;
  }
}
