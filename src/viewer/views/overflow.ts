import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { SlidesView } from './slides';
import { el } from '../../browser/dom';

/**
 * Development only (`vite dev`): a slide whose content is larger than the canvas gets a red
 * frame and a banner naming the slide and its source line, so the author sees it while writing.
 */
export class OverflowWarning implements Part {
  readonly #observer = new ResizeObserver(() => this.update());
  #off: (() => void) | undefined;

  constructor(
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
    private readonly canvas: { width: number; height: number },
  ) {}

  bind(): void {
    this.#off = this.navigation.on('change', () => this.#watch());
    this.#watch();
  }

  unbind(): void {
    this.#off?.();
    this.#observer.disconnect();
  }

  update(): void {
    const slide = this.navigation.slide;
    const content = this.slides.content(slide.index);
    if (!content) return;
    const { offsetWidth, offsetHeight, scrollWidth } = content;
    const overflows =
      offsetHeight > this.canvas.height + 1 || Math.max(offsetWidth, scrollWidth) > this.canvas.width + 1;
    const container = content.closest('.remark-slide-container');
    container?.classList.toggle('vs-overflow', overflows);
    container?.querySelector('.vs-overflow-warning')?.remove();
    if (!overflows) return;
    const warning = `⚠ Folie ${slide.index + 1} (Zeile ${slide.line}) ist zu voll: ${offsetWidth} × ${offsetHeight} px statt ${this.canvas.width} × ${this.canvas.height} px`;
    container?.append(el('div', { class: 'vs-overflow-warning', role: 'status' }, warning));
    console.warn(warning);
  }

  #watch(): void {
    this.#observer.disconnect();
    const content = this.slides.content(this.navigation.index);
    if (content) this.#observer.observe(content);
  }
}
