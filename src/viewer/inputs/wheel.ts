import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import { WheelGesture } from '../model/wheel-gesture';
import type { Part } from '../part';

/** Mouse wheel and trackpad on the slide area: one gesture moves one slide (the reading view scrolls instead). */
export class Wheel implements Part {
  readonly #gesture = new WheelGesture();

  constructor(
    private readonly area: HTMLElement,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
  ) {}

  bind(): void {
    this.area.addEventListener('wheel', this.#onWheel, { passive: true });
  }

  unbind(): void {
    this.area.removeEventListener('wheel', this.#onWheel);
  }

  readonly #onWheel = (event: WheelEvent): void => {
    // Ctrl + wheel is the browser's zoom (and a trackpad pinch); the reading view scrolls.
    if (event.ctrlKey || this.modes.has('reading')) return;
    const step = this.#gesture.step(event.deltaX, event.deltaY, event.timeStamp);
    if (step > 0) this.navigation.next();
    else if (step < 0) this.navigation.previous();
  };
}
