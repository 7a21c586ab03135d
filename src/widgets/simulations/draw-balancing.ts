import { svg } from '../../browser/dom';
import { BALANCED_SERVERS, WEIGHTS, type Assignment, type BalancingState } from './balancing';
import { MUTED, picture, ROLE, text } from './draw';

const LEFT = 190;
const RIGHT = 1090;
const BAR = 30;
const CLIENT_FILLS = ['#fdf0d5', '#e3edfb', '#e4f3e8', '#f1e6fb'];

/** Sub-rows within a server's row, so that requests open at the same time lie one below the other. */
function stack(assignments: readonly Assignment[]): Map<Assignment, number> {
  const rows = new Map<Assignment, number>();
  const ends: number[] = [];
  for (const a of assignments) {
    let row = ends.findIndex((end) => end <= a.arrival);
    if (row === -1) row = ends.length;
    ends[row] = a.arrival + a.duration;
    rows.set(a, row);
  }
  return rows;
}

export function drawBalancing(state: BalancingState) {
  const end = Math.max(...state.trace.map((r) => r.arrival + r.duration));
  const scale = (RIGHT - LEFT) / end;
  const clients = [...new Set(state.trace.map((r) => r.client))].sort();
  let top = 0;
  const rows = BALANCED_SERVERS.map((name, server) => {
    const mine = state.assignments.filter((a) => a.server === server);
    const sub = stack(mine);
    const height = Math.max(2, ...[...sub.values()].map((row) => row + 1)) * (BAR + 4) + 16;
    const y = top;
    top += height;
    const load = state.loads[server]!;
    return svg(
      'g',
      {},
      svg('rect', { x: 0, y, width: RIGHT, height: height - 6, rx: 8, fill: server % 2 ? '#f6f6f6' : '#fff' }),
      text(10, y + 22, `${name}${WEIGHTS[server]! > 1 ? ` (×${WEIGHTS[server]})` : ''}`, { 'font-weight': 700 }),
      text(10, y + 50, `${load.requests} Anfr. · max ${load.peak}`, { 'font-size': 20, fill: MUTED }),
      ...mine.map((a) => {
        const x = LEFT + a.arrival * scale;
        const barY = y + 8 + sub.get(a)! * (BAR + 4);
        return svg(
          'g',
          {},
          svg('rect', {
            x,
            y: barY,
            width: Math.max(44, a.duration * scale),
            height: BAR,
            rx: 5,
            fill: CLIENT_FILLS[clients.indexOf(a.client)]!,
            stroke: ROLE.server.stroke,
            'stroke-width': 2,
          }),
          text(x + 6, barY + BAR / 2 + 1, `R${a.number}`, { 'font-size': 20 }),
        );
      }),
    );
  });
  return picture(
    1100,
    top + 30,
    `${state.algorithm.label}: ${state.loads.map((l, i) => `${BALANCED_SERVERS[i]} ${l.requests} Anfragen`).join(', ')}`,
    ...rows,
    text(LEFT, top + 14, `Zeit → (0 bis ${end} ms); Farbe = Client (${clients.length} IP-Adressen)`, {
      'font-size': 20,
      fill: MUTED,
      'font-style': 'italic',
    }),
  );
}
