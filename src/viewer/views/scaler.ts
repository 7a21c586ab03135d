import type { Part } from '../part';

/**
 * Keeps `--vs-scale` on a box at the largest factor that fits the slide canvas into it;
 * the canvas is centred by CSS, so the rest is letterboxing.
 */
export class Scaler implements Part {
  readonly #observer = new ResizeObserver(() => this.update());

  constructor(
    private readonly box: HTMLElement,
    private readonly canvas: { width: number; height: number },
  ) {}

  bind(): void {
    this.update();
    this.#observer.observe(this.box);
  }

  unbind(): void {
    this.#observer.disconnect();
  }

  update(): void {
    const { clientWidth, clientHeight } = this.box;
    if (clientWidth === 0 || clientHeight === 0) return;
    const scale = Math.min(clientWidth / this.canvas.width, clientHeight / this.canvas.height);
    this.box.style.setProperty('--vs-scale', String(scale));
  }
}
