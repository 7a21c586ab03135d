import { touchMove, type Point } from '../model/swipe';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { onInteractive } from './targets';

/** Swipes and taps on the slide area (phones, tablets, touch screens in the lecture hall). */
export class Touch implements Part {
  #start: Point | undefined;

  constructor(
    private readonly area: HTMLElement,
    private readonly navigation: Navigation,
  ) {}

  bind(): void {
    this.area.addEventListener('touchstart', this.#onStart, { passive: true });
    this.area.addEventListener('touchend', this.#onEnd);
  }

  unbind(): void {
    this.area.removeEventListener('touchstart', this.#onStart);
    this.area.removeEventListener('touchend', this.#onEnd);
  }

  readonly #onStart = (event: TouchEvent): void => {
    const touch = event.touches[0];
    this.#start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
  };

  readonly #onEnd = (event: TouchEvent): void => {
    const start = this.#start;
    const touch = event.changedTouches[0];
    this.#start = undefined;
    // A pinch-zoomed page belongs to the reader's panning, not to navigation.
    if (!start || !touch || event.touches.length > 0 || (window.visualViewport?.scale ?? 1) > 1.01) return;
    if (onInteractive(event)) return;
    const rect = this.area.getBoundingClientRect();
    const move = touchMove(start, { x: touch.clientX, y: touch.clientY }, rect.width);
    if (!move) return;
    // Stops the click the browser would synthesise from a tap.
    event.preventDefault();
    if (move === 'next') this.navigation.next();
    else this.navigation.previous();
  };
}
