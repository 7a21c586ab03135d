import { Emitter } from '../../browser/emitter';
import { MAX_POINTS, MAX_STROKES, type InkColor, type LaserState, type Stroke } from '../../shared/ink';
import type { Origin } from './navigation';

export interface InkTools {
  color: InkColor;
  width: number;
  tool: 'pen' | 'eraser';
}

type Step = { kind: 'add' } | { kind: 'erase'; stroke: Stroke; at: number } | { kind: 'clear'; strokes: Stroke[] };

interface InkEvents extends Record<string, unknown> {
  /** The strokes of slide `index` changed; `drawing` while a stroke is still being drawn. */
  change: { index: number; origin: Origin; drawing: boolean };
  laser: { laser: LaserState | null; origin: Origin };
  /** Colour, width or tool changed. */
  tools: undefined;
}

/**
 * The pen's strokes per slide (and step: each step is a slide index of its own), with an undo
 * history per slide for what this window drew, erased and cleared; and where the laser points.
 * Strokes from another window replace a slide's strokes and leave the history alone.
 */
export class Ink extends Emitter<InkEvents> {
  readonly #strokes = new Map<number, Stroke[]>();
  readonly #history = new Map<number, Step[]>();
  #laser: LaserState | null = null;
  #color: InkColor = '#d62828';
  #width = 8;
  #tool: 'pen' | 'eraser' = 'pen';

  get color(): InkColor {
    return this.#color;
  }

  get width(): number {
    return this.#width;
  }

  get tool(): 'pen' | 'eraser' {
    return this.#tool;
  }

  choose({ color = this.#color, width = this.#width, tool = this.#tool }: Partial<InkTools>): void {
    [this.#color, this.#width, this.#tool] = [color, width, tool];
    this.emit('tools', undefined);
  }

  strokes(index: number): readonly Stroke[] {
    return this.#strokes.get(index) ?? [];
  }

  /** Slides that have strokes. */
  indices(): number[] {
    return [...this.#strokes.keys()].filter((index) => this.strokes(index).length > 0);
  }

  get laser(): LaserState | null {
    return this.#laser;
  }

  /** Starts a stroke in the chosen colour and width; false when the slide is full. */
  begin(index: number, x: number, y: number): boolean {
    const strokes = this.#strokes.get(index) ?? [];
    if (strokes.length >= MAX_STROKES) return false;
    strokes.push({ color: this.#color, width: this.#width, points: [Math.round(x), Math.round(y)] });
    this.#strokes.set(index, strokes);
    this.#record(index, { kind: 'add' });
    this.emit('change', { index, origin: 'user', drawing: true });
    return true;
  }

  /** Adds points to the stroke begun last (a batch per frame); `done` ends it. */
  extend(index: number, points: readonly number[], done = false): void {
    const stroke = this.#strokes.get(index)?.at(-1);
    if (!stroke) return;
    for (let i = 0; i + 1 < points.length && stroke.points.length < 2 * MAX_POINTS; i += 2) {
      stroke.points.push(Math.round(points[i]!), Math.round(points[i + 1]!));
    }
    this.emit('change', { index, origin: 'user', drawing: !done });
  }

  /** Removes the stroke at `at` (the eraser). */
  erase(index: number, at: number): void {
    const strokes = this.#strokes.get(index);
    const stroke = strokes?.[at];
    if (!strokes || !stroke) return;
    strokes.splice(at, 1);
    this.#record(index, { kind: 'erase', stroke, at });
    this.emit('change', { index, origin: 'user', drawing: false });
  }

  clear(index: number): void {
    const strokes = this.#strokes.get(index);
    if (!strokes?.length) return;
    this.#strokes.set(index, []);
    this.#record(index, { kind: 'clear', strokes });
    this.emit('change', { index, origin: 'user', drawing: false });
  }

  /** Takes back the last stroke, erasure or clearing on this slide. */
  undo(index: number): void {
    const step = this.#history.get(index)?.pop();
    if (!step) return;
    const strokes = this.#strokes.get(index) ?? [];
    if (step.kind === 'add') strokes.pop();
    else if (step.kind === 'erase') strokes.splice(step.at, 0, step.stroke);
    else strokes.push(...step.strokes);
    this.#strokes.set(index, strokes);
    this.emit('change', { index, origin: 'user', drawing: false });
  }

  /** A slide's strokes as another window (or the stored session) has them. */
  replace(index: number, strokes: Stroke[], origin: Origin): void {
    this.#strokes.set(index, strokes.slice(0, MAX_STROKES));
    this.#history.delete(index);
    this.emit('change', { index, origin, drawing: false });
  }

  pointLaser(laser: LaserState | null, origin: Origin = 'user'): void {
    if (laser === null && this.#laser === null) return;
    this.#laser = laser;
    this.emit('laser', { laser, origin });
  }

  #record(index: number, step: Step): void {
    const history = this.#history.get(index) ?? [];
    history.push(step);
    this.#history.set(index, history.slice(-MAX_STROKES));
  }
}
