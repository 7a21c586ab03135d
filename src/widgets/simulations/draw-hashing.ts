import { svg } from '../../browser/dom';
import { box, MUTED, PAPER, picture, ROLE, text, type Layout } from './draw';
import type { HashingState, Placement } from './hashing';

const SERVER_COLOURS: Record<string, string> = {
  A: ROLE.server.stroke,
  B: ROLE.client.stroke,
  C: ROLE.infra.stroke,
  D: ROLE.other.stroke,
};

function owner(state: HashingState, placement: Placement): string {
  return state.joined ? placement.after : placement.before;
}

function moved(state: HashingState, placement: Placement): boolean {
  return state.joined && placement.before !== placement.after;
}

/** A server's column: its name, then its clients. */
const COLUMN_HEIGHT = 66 + 36 * 8;

/** Wide: the servers side by side; narrow: two per row. */
function drawModulo(state: HashingState, layout: Layout): SVGSVGElement {
  const perRow = layout === 'wide' ? 4 : 2;
  const columns = state.servers.map((server, i) => {
    const x = (i % perRow) * 275;
    const top = Math.floor(i / perRow) * (COLUMN_HEIGHT + 20);
    const mine = state.placements.filter((p) => owner(state, p) === server);
    return svg(
      'g',
      {},
      box(x, top, 255, 50, 'server', [`Server ${server}`]),
      ...mine.map((p, row) => {
        const y = top + 66 + row * 36;
        const shifted = moved(state, p);
        return svg(
          'g',
          {},
          svg('rect', {
            x: x + 4,
            y,
            width: 247,
            height: 32,
            rx: 6,
            fill: shifted ? ROLE.highlight.fill : PAPER,
            stroke: shifted ? ROLE.highlight.stroke : 'var(--faint)',
          }),
          text(x + 14, y + 17, shifted ? `${p.client} ← ${p.before}` : p.client, { 'font-size': 20 }),
        );
      }),
    );
  });
  const rows = Math.ceil(state.servers.length / perRow);
  return picture(
    layout === 'wide' ? 1100 : 530,
    rows * COLUMN_HEIGHT + (rows - 1) * 20,
    `IP-Hash mit ${state.servers.length} Servern, ${state.moved} Clients gewechselt`,
    ...columns,
  );
}

/** Wide: the legend beside the ring; narrow: below it. */
function drawRing(state: HashingState, layout: Layout): SVGSVGElement {
  const [cx, cy, r] = [layout === 'wide' ? 250 : 260, 180, 140];
  const legendAt = layout === 'wide' ? { x: 560, y: 60 } : { x: 20, y: 390 };
  const at = (fraction: number, radius = r): [number, number] => [
    cx + radius * Math.sin(fraction * 2 * Math.PI),
    cy - radius * Math.cos(fraction * 2 * Math.PI),
  ];
  const clients = state.placements.map((p) => {
    const [x, y] = at(p.position);
    const shifted = moved(state, p);
    return svg('circle', {
      cx: x,
      cy: y,
      r: shifted ? 12 : 9,
      fill: shifted ? ROLE.highlight.fill : SERVER_COLOURS[owner(state, p)]!,
      stroke: shifted ? ROLE.highlight.stroke : PAPER,
      'stroke-width': 3,
    });
  });
  const servers = state.servers.map((server) => {
    const position = state.serverPositions[server]!;
    const [x, y] = at(position);
    const [lx, ly] = at(position, r + 34);
    return svg(
      'g',
      {},
      svg('rect', { x: x - 13, y: y - 13, width: 26, height: 26, fill: SERVER_COLOURS[server]!, rx: 4 }),
      text(lx, ly, server, { 'text-anchor': 'middle', 'font-weight': 700, fill: SERVER_COLOURS[server]! }),
    );
  });
  const legend = state.servers.map((server, i) => {
    const mine = state.placements.filter((p) => owner(state, p) === server);
    const arrived = mine.filter((p) => moved(state, p)).length;
    const y = legendAt.y + i * 48;
    return svg(
      'g',
      {},
      svg('rect', { x: legendAt.x, y: y - 13, width: 26, height: 26, fill: SERVER_COLOURS[server]!, rx: 4 }),
      text(
        legendAt.x + 40,
        y,
        `Server ${server}: ${mine.length} Clients${arrived > 0 ? `, davon ${arrived} neu` : ''}`,
      ),
    );
  });
  const footY = legendAt.y + state.servers.length * 48 + 10;
  return picture(
    layout === 'wide' ? 1100 : 520,
    layout === 'wide' ? 360 : footY + 30,
    `Ring mit ${state.servers.length} Servern, ${state.moved} Clients gewechselt`,
    svg('circle', { cx, cy, r, fill: 'none', stroke: 'var(--faint)', 'stroke-width': 3 }),
    ...clients,
    ...servers,
    ...legend,
    text(legendAt.x, footY, '● Client, ■ Server; gelb: hat gewechselt', {
      'font-size': 20,
      fill: MUTED,
      'font-style': 'italic',
    }),
  );
}

export function drawHashing(state: HashingState, layout: Layout) {
  return state.view === 'modulo' ? drawModulo(state, layout) : drawRing(state, layout);
}
