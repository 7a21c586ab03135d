/**
 * The lecturer's pen and laser pointer on the wire: strokes in slide pixels (the canvas of the
 * deck's ratio), the laser as fractions of the slide, both per 0-based slide index. Shared by
 * the follow server's routes, the viewer and the cloned window.
 */

import { MAX_SLIDE_INDEX } from './follow';

/** Name of the follow-channel event that carries an InkState: the strokes on the lecturer's slide. */
export const INK_EVENT = 'ink';
/** Name of the follow-channel event that carries a LaserState. */
export const LASER_EVENT = 'laser';

/**
 * The pen's colours: red, blue, green, the text colour (black), yellow (marker), with their German
 * names. On a dark slide ink.css draws blue and the text colour lighter.
 */
export const INK_COLORS = {
  '#d62828': 'Rot',
  '#1a5fb4': 'Blau',
  '#26a269': 'Grün',
  '#1c1c1c': 'Textfarbe',
  '#f5c211': 'Gelb',
} as const;
export type InkColor = keyof typeof INK_COLORS;
/** Stroke widths in slide pixels, with their German names. */
export const INK_WIDTHS = { 4: 'Fein', 8: 'Mittel', 16: 'Breit' } as const;

export const MAX_STROKES = 200;
export const MAX_POINTS = 1000;
/** Coordinates are whole slide pixels; a little outside the slide is kept, anything further is refused. */
const MIN_COORD = -100;
const MAX_COORD = 1400;
/** A slide's strokes, at most MAX_STROKES of MAX_POINTS each, fit below this with room to spare. */
export const MAX_INK_BYTES = 512 * 1024;

export interface Stroke {
  color: InkColor;
  width: number;
  /** x0, y0, x1, y1, … in whole slide pixels. */
  points: number[];
}

export interface InkState {
  index: number;
  strokes: Stroke[];
}

/** The laser dot as fractions of the slide (0–1), or null: the lecturer's pointer has left the slide. */
export interface LaserState {
  index: number;
  point: { x: number; y: number } | null;
}

const index = { type: 'integer', minimum: 0, maximum: MAX_SLIDE_INDEX, description: '0-based slide index' } as const;

export const StrokeSchema = {
  type: 'object',
  properties: {
    color: { type: 'string', enum: Object.keys(INK_COLORS) },
    width: { type: 'integer', enum: Object.keys(INK_WIDTHS).map(Number) },
    points: {
      type: 'array',
      minItems: 2,
      maxItems: 2 * MAX_POINTS,
      items: { type: 'integer', minimum: MIN_COORD, maximum: MAX_COORD },
      description: 'x0, y0, x1, y1, … in slide pixels',
    },
  },
  required: ['color', 'width', 'points'],
  additionalProperties: false,
} as const;

export const InkStateSchema = {
  description: 'The strokes on one slide of the lecturer',
  type: 'object',
  properties: { index, strokes: { type: 'array', maxItems: MAX_STROKES, items: StrokeSchema } },
  required: ['index', 'strokes'],
  additionalProperties: false,
} as const;

const fraction = { type: 'number', minimum: 0, maximum: 1 } as const;

export const LaserStateSchema = {
  description: 'Where the lecturer’s laser pointer is',
  type: 'object',
  properties: {
    index,
    point: {
      anyOf: [
        {
          type: 'object',
          properties: { x: fraction, y: fraction },
          required: ['x', 'y'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
  },
  required: ['index', 'point'],
  additionalProperties: false,
} as const;

function isIndex(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SLIDE_INDEX;
}

function isStroke(value: unknown): value is Stroke {
  if (typeof value !== 'object' || value === null) return false;
  const { color, width, points } = value as Record<string, unknown>;
  return (
    typeof color === 'string' &&
    color in INK_COLORS &&
    typeof width === 'number' &&
    width in INK_WIDTHS &&
    Array.isArray(points) &&
    points.length >= 2 &&
    points.length <= 2 * MAX_POINTS &&
    points.every((point) => Number.isInteger(point) && point >= MIN_COORD && point <= MAX_COORD)
  );
}

/** Checks strokes from another window or from storage; null for anything else. */
export function readInk(data: unknown): InkState | null {
  if (typeof data !== 'object' || data === null) return null;
  const { index, strokes } = data as Record<string, unknown>;
  if (!isIndex(index) || !Array.isArray(strokes) || strokes.length > MAX_STROKES) return null;
  return strokes.every(isStroke) ? { index, strokes: strokes as Stroke[] } : null;
}

/** Checks a laser state from another window; null for anything else. */
export function readLaser(data: unknown): LaserState | null {
  if (typeof data !== 'object' || data === null) return null;
  const { index, point } = data as Record<string, unknown>;
  if (!isIndex(index)) return null;
  if (point === null) return { index, point: null };
  if (typeof point !== 'object') return null;
  const { x, y } = point as Record<string, unknown>;
  const ok = [x, y].every((value) => typeof value === 'number' && value >= 0 && value <= 1);
  return ok ? { index, point: { x: x as number, y: y as number } } : null;
}
