import type { Navigation } from '../model/navigation';
import type { Zoom, ZoomView } from '../model/zoom';
import type { Part } from '../part';
import type { SlidesView } from './slides';

/**
 * Draws the zoom: the current slide's content scaled around the chosen point, clipped to the
 * slide. Alt+click on the slide zooms in there. A move to another slide returns to the whole slide.
 */
export class ZoomLens implements Part {
  readonly #offs: (() => void)[] = [];
  #zoomed: HTMLElement | undefined;

  constructor(
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
    private readonly zoom: Zoom,
  ) {}

  bind(): void {
    this.#offs.push(
      this.zoom.on('change', ({ view }) => this.#draw(view)),
      this.navigation.on('change', () => this.zoom.reset('init')),
    );
    this.slides.area.addEventListener('click', this.#onClick);
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.slides.area.removeEventListener('click', this.#onClick);
    this.#draw(null);
  }

  readonly #onClick = (event: MouseEvent): void => {
    if (!event.altKey) return;
    const content = this.slides.currentContainer.querySelector<HTMLElement>('.remark-slide-content');
    if (!content) return;
    event.preventDefault();
    // Where the click fell on the slide as it is drawn now (zoomed or not), as fractions of the slide.
    const box = content.getBoundingClientRect();
    this.zoom.in((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height);
  };

  #draw(view: ZoomView | null): void {
    if (this.#zoomed) {
      this.#zoomed.style.removeProperty('transform');
      this.#zoomed.style.removeProperty('transform-origin');
      this.#zoomed.closest('.remark-slide')?.classList.remove('vs-zoomed');
      this.#zoomed = undefined;
    }
    if (!view) return;
    const content = this.slides.currentContainer.querySelector<HTMLElement>('.remark-slide-content');
    if (!content) return;
    content.style.transformOrigin = `${view.x * 100}% ${view.y * 100}%`;
    content.style.transform = `scale(${view.scale})`;
    content.closest('.remark-slide')?.classList.add('vs-zoomed');
    this.#zoomed = content;
  }
}
