import { svg } from '../../browser/dom';
import { PROCESSES, type ClockState } from './clocks';
import { arrow, MUTED, picture, ROLE, text } from './draw';

const LINE_Y = [60, 175, 290];
const FIRST_X = 120;
const SPACING = 96;

export function drawClocks(state: ClockState) {
  const x = (index: number): number => FIRST_X + index * SPACING;
  const lines = PROCESSES.map((name, p) =>
    svg(
      'g',
      {},
      text(20, LINE_Y[p]!, name, { 'font-weight': 700 }),
      svg('line', { x1: 70, y1: LINE_Y[p]!, x2: 1085, y2: LINE_Y[p]!, stroke: '#333', 'stroke-width': 2.5 }),
    ),
  );
  const messages = state.events.flatMap((event) => {
    if (event.kind !== 'senden') return [];
    const from: [number, number] = [x(event.index), LINE_Y[event.process]!];
    const receive = state.events.find((e) => e.kind === 'empfangen' && e.message === event.message);
    const toY = LINE_Y[event.peer!]!;
    const shrink = toY > from[1] ? -12 : 12;
    const to: [number, number] = receive ? [x(receive.index), toY + shrink] : [from[0] + 60, (from[1] + toY) / 2];
    return [arrow([from, to], { dashed: !receive })];
  });
  const last = state.events.at(-1);
  const dots = state.events.map((event) => {
    const cx = x(event.index);
    const cy = LINE_Y[event.process]!;
    const role = event === last ? ROLE.highlight : ROLE.server;
    return svg(
      'g',
      {},
      svg('circle', { cx, cy, r: 11, fill: role.fill, stroke: role.stroke, 'stroke-width': 3 }),
      text(cx, cy - 28, String(event.lamport), { 'text-anchor': 'middle', 'font-weight': 700 }),
      text(cx, cy + 30, event.vector.join(','), { 'text-anchor': 'middle', 'font-size': 20, fill: MUTED }),
    );
  });
  return picture(
    1100,
    340,
    state.events.length === 0
      ? 'Drei Prozesslinien ohne Ereignisse'
      : state.events.map((e) => `${PROCESSES[e.process]} ${e.kind} ${e.message ?? ''}: ${e.lamport}`).join('; '),
    ...lines,
    ...messages,
    ...dots,
  );
}
