import './ink.css';
import { svg } from '../../browser/dom';
import type { Stroke } from '../../shared/ink';
import type { Ink } from '../model/ink';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { SlidesView } from './slides';

/** The laser dot fades this long after the lecturer's pointer stopped. */
const LASER_IDLE_MS = 1500;
/** The eraser takes a stroke that passes this close to the pointer (slide pixels, plus half its width). */
const ERASER_REACH = 12;

/** One stroke as SVG; the same drawing on the slide, in the other windows and in print. */
export function strokeElement({ color, width, points }: Stroke): SVGPolylineElement {
  return svg('polyline', { points: points.join(' '), stroke: color, 'stroke-width': width });
}

/** An SVG over a slide in slide pixels, so that strokes keep their place at any window size. */
export function inkSurface(canvas: { width: number; height: number }, strokes: readonly Stroke[]): SVGSVGElement {
  return svg(
    'svg',
    { class: 'vs-ink', viewBox: `0 0 ${canvas.width} ${canvas.height}`, 'aria-hidden': 'true' },
    svg('g', { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' }, ...strokes.map(strokeElement)),
  );
}

/**
 * Draws the pen's strokes and the laser dot over the current slide, and in pen or laser mode
 * (D, X) turns the pointer (mouse, touch, stylus) into strokes or the dot. Points are batched
 * per animation frame.
 */
export class InkLayer implements Part {
  readonly #surface: SVGSVGElement;
  readonly #strokes: SVGGElement;
  readonly #dot = svg('circle', { class: 'vs-laser', r: 9 });
  readonly #offs: (() => void)[] = [];
  /** Points of the stroke being drawn that the next frame hands to the model. */
  #pending: number[] = [];
  #drawing: number | undefined;
  #frame = 0;
  #laserAt: { x: number; y: number } | undefined;
  #fade: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly ink: Ink,
    private readonly canvas: { width: number; height: number },
  ) {
    this.#surface = inkSurface(canvas, []);
    this.#strokes = this.#surface.firstElementChild as SVGGElement;
    this.#surface.append(this.#dot);
  }

  bind(): void {
    this.#offs.push(
      this.navigation.on('change', () => this.#draw()),
      this.ink.on('change', ({ index, drawing }) => index === this.navigation.index && this.#draw(drawing)),
      this.ink.on('laser', () => this.#showLaser()),
      this.modes.on('change', ({ mode, on }) => mode === 'laser' && !on && this.ink.pointLaser(null)),
    );
    this.#surface.addEventListener('pointerdown', this.#onDown);
    this.#surface.addEventListener('pointermove', this.#onMove);
    this.#surface.addEventListener('pointerup', this.#onUp);
    this.#surface.addEventListener('pointercancel', this.#onUp);
    this.#surface.addEventListener('pointerleave', this.#onLeave);
    this.#draw();
    this.#showLaser();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    cancelAnimationFrame(this.#frame);
    this.#surface.remove();
  }

  /** Draws the current slide's strokes; while one `grows`, only its line changes. */
  #draw(grows = false): void {
    const slide = this.slides.currentContainer.querySelector('.remark-slide');
    if (slide && this.#surface.parentElement !== slide) slide.append(this.#surface);
    const strokes = this.ink.strokes(this.navigation.index);
    const last = this.#strokes.lastElementChild;
    if (grows && last && this.#strokes.childElementCount === strokes.length) {
      last.setAttribute('points', strokes.at(-1)!.points.join(' '));
      return;
    }
    this.#strokes.replaceChildren(...strokes.map(strokeElement));
    this.#showLaser();
  }

  #showLaser(): void {
    const laser = this.ink.laser;
    const on = laser !== null && laser.point !== null && laser.index === this.navigation.index;
    clearTimeout(this.#fade);
    this.#dot.classList.toggle('vs-laser-on', on);
    if (!on) return;
    this.#dot.setAttribute('cx', String(laser.point!.x * this.canvas.width));
    this.#dot.setAttribute('cy', String(laser.point!.y * this.canvas.height));
    this.#fade = setTimeout(() => this.#dot.classList.remove('vs-laser-on'), LASER_IDLE_MS);
  }

  /** Where a pointer event falls on the slide, in slide pixels. */
  #at(event: { clientX: number; clientY: number }): { x: number; y: number } {
    const box = this.#surface.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * this.canvas.width,
      y: ((event.clientY - box.top) / box.height) * this.canvas.height,
    };
  }

  readonly #onDown = (event: PointerEvent): void => {
    if (!this.modes.has('pen') || event.button > 0) return;
    event.preventDefault();
    event.stopPropagation();
    this.#surface.setPointerCapture(event.pointerId);
    const { x, y } = this.#at(event);
    const index = this.navigation.index;
    if (this.ink.tool === 'eraser') {
      this.#drawing = index;
      this.#erase(x, y);
    } else if (this.ink.begin(index, x, y)) this.#drawing = index;
  };

  readonly #onMove = (event: PointerEvent): void => {
    if (this.modes.has('laser')) {
      this.#laserAt = this.#at(event);
      this.#schedule();
      return;
    }
    if (this.#drawing === undefined) return;
    event.preventDefault();
    for (const sample of event.getCoalescedEvents?.() ?? [event]) {
      const { x, y } = this.#at(sample);
      if (this.ink.tool === 'eraser') this.#erase(x, y);
      else this.#pending.push(x, y);
    }
    this.#schedule();
  };

  readonly #onUp = (): void => {
    if (this.#drawing === undefined) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (this.ink.tool === 'pen') this.ink.extend(this.#drawing, this.#pending.splice(0), true);
    this.#drawing = undefined;
  };

  readonly #onLeave = (): void => {
    if (this.modes.has('laser')) this.ink.pointLaser(null);
  };

  #schedule(): void {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#laserAt && this.modes.has('laser')) {
        const { x, y } = this.#laserAt;
        this.#laserAt = undefined;
        const fraction = (value: number) => Math.min(1, Math.max(0, value));
        this.ink.pointLaser({
          index: this.navigation.index,
          point: { x: fraction(x / this.canvas.width), y: fraction(y / this.canvas.height) },
        });
      }
      if (this.#drawing !== undefined && this.#pending.length > 0) {
        this.ink.extend(this.#drawing, this.#pending.splice(0));
      }
    });
  }

  #erase(x: number, y: number): void {
    const index = this.navigation.index;
    const at = this.ink.strokes(index).findIndex((stroke) => {
      const reach = (ERASER_REACH + stroke.width / 2) ** 2;
      for (let i = 0; i + 1 < stroke.points.length; i += 2) {
        if ((stroke.points[i]! - x) ** 2 + (stroke.points[i + 1]! - y) ** 2 <= reach) return true;
      }
      return false;
    });
    if (at >= 0) this.ink.erase(index, at);
  }
}
