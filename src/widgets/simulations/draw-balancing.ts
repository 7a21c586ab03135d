import { svg } from '../../browser/dom';
import { BALANCED_SERVERS, WEIGHTS, type Assignment, type BalancingState } from './balancing';
import { MUTED, PAPER, picture, ROLE, text, type Layout } from './draw';

const BAR = 30;
const CLIENT_FILLS = [ROLE.client.fill, ROLE.server.fill, ROLE.infra.fill, ROLE.other.fill];

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

/** Wide: server names left of the time axis; narrow: above each server's bars, which get the whole width. */
export function drawBalancing(state: BalancingState, layout: Layout) {
  const wide = layout === 'wide';
  const [LEFT, RIGHT] = wide ? [190, 1090] : [0, 520];
  /** Where a server's bars begin below the top of its row. */
  const barsTop = wide ? 8 : 40;
  const end = Math.max(...state.trace.map((r) => r.arrival + r.duration));
  const scale = (RIGHT - LEFT) / end;
  const clients = [...new Set(state.trace.map((r) => r.client))].sort();
  let top = 0;
  const rows = BALANCED_SERVERS.map((name, server) => {
    const mine = state.assignments.filter((a) => a.server === server);
    const sub = stack(mine);
    const subRows = Math.max(wide ? 2 : 1, ...[...sub.values()].map((row) => row + 1));
    const height = barsTop + subRows * (BAR + 4) + 8;
    const y = top;
    top += height;
    const load = state.loads[server]!;
    const loadText = `${load.requests} Anfr. · max ${load.peak}`;
    return svg(
      'g',
      {},
      svg('rect', { x: 0, y, width: RIGHT, height: height - 6, rx: 8, fill: server % 2 ? 'var(--stripe)' : PAPER }),
      text(10, y + 22, `${name}${WEIGHTS[server]! > 1 ? ` (×${WEIGHTS[server]})` : ''}`, { 'font-weight': 700 }),
      wide
        ? text(10, y + 50, loadText, { 'font-size': 20, fill: MUTED })
        : text(RIGHT - 10, y + 22, loadText, { 'font-size': 20, fill: MUTED, 'text-anchor': 'end' }),
      ...mine.map((a) => {
        const x = LEFT + a.arrival * scale;
        const barY = y + barsTop + sub.get(a)! * (BAR + 4);
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
  const axis = `Zeit → (0 bis ${end} ms)`;
  const colours = `Farbe = Client (${clients.length} IP-Adressen)`;
  const foot = { 'font-size': 20, fill: MUTED, 'font-style': 'italic' };
  return picture(
    wide ? 1100 : RIGHT,
    top + (wide ? 30 : 58),
    `${state.algorithm.label}: ${state.loads.map((l, i) => `${BALANCED_SERVERS[i]} ${l.requests} Anfragen`).join(', ')}`,
    ...rows,
    ...(wide
      ? [text(LEFT, top + 14, `${axis}; ${colours}`, foot)]
      : [text(LEFT, top + 14, axis, foot), text(LEFT, top + 42, colours, foot)]),
  );
}
