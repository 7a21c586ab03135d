import { svg } from '../../browser/dom';
import { CLOCK_EVENTS, PROCESSES, type ClockEvent, type ClockState } from './clocks';
import { arrow, LINE, MUTED, PAPER, picture, ROLE, text, type Layout } from './draw';

type Point = [number, number];

/** Where an event sits: wide, time runs to the right along one line per process; narrow, it runs down. */
interface Geometry {
  width: number;
  height: number;
  at: (process: number, index: number) => Point;
  line: (process: number) => { name: Point; from: Point; to: Point };
  /** Moves an arrow's end off the receiving dot, towards the sender. */
  short: (from: Point, to: Point) => Point;
  /** Where a message still under way has got to: halfway to the receiver, a little later. */
  pending: (from: Point, towards: Point) => Point;
  /** Lamport time and vector clock, next to the dot. */
  labels: (cx: number, cy: number, event: ClockEvent) => SVGTextElement[];
}

const WIDE_Y = [60, 175, 290];
const NARROW_X = [90, 260, 430];
const NARROW_STEP = 60;
const HALO = { stroke: PAPER, 'stroke-width': 6, 'stroke-linejoin': 'round', 'paint-order': 'stroke' };

const GEOMETRY: Record<Layout, Geometry> = {
  wide: {
    width: 1100,
    height: 340,
    at: (process, index) => [120 + index * 96, WIDE_Y[process]!],
    line: (process) => ({ name: [20, WIDE_Y[process]!], from: [70, WIDE_Y[process]!], to: [1085, WIDE_Y[process]!] }),
    short: (from, to) => [to[0], to[1] + (to[1] > from[1] ? -12 : 12)],
    pending: (from, towards) => [from[0] + 60, (from[1] + towards[1]) / 2],
    labels: (cx, cy, event) => [
      text(cx, cy - 28, String(event.lamport), { 'text-anchor': 'middle', 'font-weight': 700 }),
      text(cx, cy + 30, event.vector.join(','), { 'text-anchor': 'middle', 'font-size': 20, fill: MUTED }),
    ],
  },
  narrow: {
    width: 520,
    height: 100 + CLOCK_EVENTS * NARROW_STEP,
    at: (process, index) => [NARROW_X[process]!, 90 + index * NARROW_STEP],
    line: (process) => ({
      name: [NARROW_X[process]! - 14, 22],
      from: [NARROW_X[process]!, 50],
      to: [NARROW_X[process]!, 90 + CLOCK_EVENTS * NARROW_STEP],
    }),
    short: (from, to) => {
      const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
      return [to[0] - ((to[0] - from[0]) * 14) / length, to[1] - ((to[1] - from[1]) * 14) / length];
    },
    pending: (from, towards) => [(from[0] + towards[0]) / 2, from[1] + 40],
    // Arrows run close by the labels here: a white halo keeps them readable where one crosses.
    labels: (cx, cy, event) => [
      text(cx - 20, cy, String(event.lamport), { 'text-anchor': 'end', 'font-weight': 700, ...HALO }),
      text(cx + 20, cy, event.vector.join(','), { 'font-size': 20, fill: MUTED, ...HALO }),
    ],
  },
};

export function drawClocks(state: ClockState, layout: Layout) {
  const { width, height, at, line, short, pending, labels } = GEOMETRY[layout];
  const lines = PROCESSES.map((name, p) => {
    const { name: place, from, to } = line(p);
    return svg(
      'g',
      {},
      text(place[0], place[1], name, { 'font-weight': 700 }),
      svg('line', { x1: from[0], y1: from[1], x2: to[0], y2: to[1], stroke: LINE, 'stroke-width': 2.5 }),
    );
  });
  const messages = state.events.flatMap((event) => {
    if (event.kind !== 'senden') return [];
    const from = at(event.process, event.index);
    const receive = state.events.find((e) => e.kind === 'empfangen' && e.message === event.message);
    const to = receive ? short(from, at(event.peer!, receive.index)) : pending(from, at(event.peer!, event.index));
    return [arrow([from, to], { dashed: !receive })];
  });
  const last = state.events.at(-1);
  const dots = state.events.map((event) => {
    const [cx, cy] = at(event.process, event.index);
    const role = event === last ? ROLE.highlight : ROLE.server;
    return svg(
      'g',
      {},
      svg('circle', { cx, cy, r: 11, fill: role.fill, stroke: role.stroke, 'stroke-width': 3 }),
      ...labels(cx, cy, event),
    );
  });
  return picture(
    width,
    height,
    state.events.length === 0
      ? 'Drei Prozesslinien ohne Ereignisse'
      : state.events.map((e) => `${PROCESSES[e.process]} ${e.kind} ${e.message ?? ''}: ${e.lamport}`).join('; '),
    ...lines,
    ...messages,
    ...dots,
  );
}
