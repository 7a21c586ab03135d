/**
 * Drawing parts shared by the simulations, in the style of the figures (media/README.md). Colours
 * are the variables of simulations.css, so the picture follows the light or dark design.
 */
import { svg } from '../../browser/dom';

export const ROLE = {
  client: { fill: 'var(--client-fill)', stroke: 'var(--client-stroke)' },
  server: { fill: 'var(--server-fill)', stroke: 'var(--server-stroke)' },
  infra: { fill: 'var(--infra-fill)', stroke: 'var(--infra-stroke)' },
  highlight: { fill: 'var(--highlight-fill)', stroke: 'var(--highlight-stroke)' },
  error: { fill: 'var(--error-fill)', stroke: 'var(--error-stroke)' },
  other: { fill: 'var(--other-fill)', stroke: 'var(--other-stroke)' },
} as const;

export type Role = keyof typeof ROLE;

/**
 * `wide` fills a 16:9 slide; `narrow` is drawn for a phone held upright (reading view): about half
 * as wide, so that its text keeps a readable size when the picture shrinks to the screen.
 */
export type Layout = 'wide' | 'narrow';

export const INK = 'var(--ink)';
export const MUTED = 'var(--muted)';
export const ERROR = 'var(--error-stroke)';
export const SUCCESS = 'var(--infra-stroke)';
/** Arrows and lines. */
export const LINE = 'var(--line)';
/** The ground the picture lies on. */
export const PAPER = 'var(--paper)';

/** The picture: drawn in slide pixels (width = viewBox width), labelled for screen readers. */
export function picture(width: number, height: number, label: string, ...children: Node[]): SVGSVGElement {
  const marker = svg(
    'marker',
    {
      id: 'pfeil',
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: 'context-stroke' }),
  );
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, 'font-size': 22, fill: INK },
    svg('defs', {}, marker),
    ...children,
  );
}

export function text(
  x: number,
  y: number,
  content: string,
  attributes: Record<string, string | number> = {},
): SVGTextElement {
  return svg('text', { x, y, 'dominant-baseline': 'middle', ...attributes }, content);
}

/** A box with centred lines of text (the first bold). */
export function box(x: number, y: number, width: number, height: number, role: Role, lines: string[]): SVGGElement {
  const { fill, stroke } = ROLE[role];
  const step = 28;
  const top = y + height / 2 - ((lines.length - 1) * step) / 2;
  return svg(
    'g',
    {},
    svg('rect', { x, y, width, height, rx: 10, fill, stroke, 'stroke-width': 2.5 }),
    ...lines.map((line, i) =>
      text(x + width / 2, top + i * step, line, { 'text-anchor': 'middle', 'font-weight': i === 0 ? 700 : 400 }),
    ),
  );
}

/** An arrow along the points; dashed for something still under way. */
export function arrow(
  points: readonly (readonly [number, number])[],
  { dashed = false, color = LINE }: { dashed?: boolean; color?: string } = {},
): SVGPolylineElement {
  return svg('polyline', {
    points: points.map(([x, y]) => `${x},${y}`).join(' '),
    fill: 'none',
    stroke: color,
    'stroke-width': 3,
    'marker-end': 'url(#pfeil)',
    ...(dashed ? { 'stroke-dasharray': '10 7' } : {}),
  });
}

/** A label on a backing of the ground colour, so it stays readable where it crosses a line; kept inside `[0, right]`. */
export function label(x: number, y: number, content: string, color = INK, right = Infinity): SVGGElement {
  const width = content.length * 11 + 12;
  x = Math.min(Math.max(x, width / 2), right - width / 2);
  return svg(
    'g',
    {},
    svg('rect', { x: x - width / 2, y: y - 15, width, height: 30, rx: 6, fill: PAPER, opacity: 0.9 }),
    text(x, y, content, { 'text-anchor': 'middle', fill: color, 'font-size': 20 }),
  );
}
