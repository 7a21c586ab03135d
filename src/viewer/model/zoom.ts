import { Emitter } from '../../browser/emitter';
import type { Origin } from './navigation';

/** A zoomed view of the slide: the point that stays in place (fractions of the slide, 0–1), and how much larger. */
export interface ZoomView {
  x: number;
  y: number;
  scale: number;
}

export const MAX_ZOOM = 4;
const STEP = 1.5;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Checks a view from another window; null for anything that is not one. */
export function zoomView(data: unknown): ZoomView | null {
  if (typeof data !== 'object' || data === null) return null;
  const { x, y, scale } = data as Record<string, unknown>;
  if (![x, y, scale].every((value) => typeof value === 'number' && Number.isFinite(value))) return null;
  return { x: clamp(x as number, 0, 1), y: clamp(y as number, 0, 1), scale: clamp(scale as number, 1, MAX_ZOOM) };
}

/** Zoom into a part of the current slide (+, −, Alt+click); a slide change or Esc returns to the whole slide. */
export class Zoom extends Emitter<{ change: { view: ZoomView | null; origin: Origin } }> {
  #view: ZoomView | null = null;

  get view(): ZoomView | null {
    return this.#view;
  }

  set(view: ZoomView | null, origin: Origin = 'user'): void {
    const next = view && view.scale > 1 ? zoomView(view) : null;
    if (JSON.stringify(next) === JSON.stringify(this.#view)) return;
    this.#view = next;
    this.emit('change', { view: next, origin });
  }

  /** Zooms in one step around a point (the slide's middle, or where the view already is). */
  in(x = this.#view?.x ?? 0.5, y = this.#view?.y ?? 0.5): void {
    this.set({ x, y, scale: Math.min(MAX_ZOOM, (this.#view?.scale ?? 1) * STEP) });
  }

  out(): void {
    const scale = (this.#view?.scale ?? 1) / STEP;
    this.set(scale <= 1.01 ? null : { ...this.#view!, scale });
  }

  reset(origin: Origin = 'user'): void {
    this.set(null, origin);
  }
}
