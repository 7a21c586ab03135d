import type { Part } from '../part';

/**
 * Keeps `--vs-scale` on a box at the largest factor that fits the slide canvas into it;
 * the canvas is centred by CSS, so the rest is letterboxing.
 */
export class Scaler implements Part {
  // The first notification arrives after the first layout and before the first paint.
  readonly #observer = new ResizeObserver(([entry]) => entry && this.#scale(entry.contentRect));

  constructor(
    private readonly box: HTMLElement,
    private readonly canvas: { width: number; height: number },
  ) {}

  bind(): void {
    this.#observer.observe(this.box);
  }

  unbind(): void {
    this.#observer.disconnect();
  }

  #scale({ width, height }: { width: number; height: number }): void {
    if (width === 0 || height === 0) return;
    const scale = Math.min(width / this.canvas.width, height / this.canvas.height);
    this.box.style.setProperty('--vs-scale', String(scale));
  }
}
