import { svg } from '../../browser/dom';
import { box, MUTED, picture, ROLE, text } from './draw';
import type { HashingState, Placement } from './hashing';

const SERVER_COLOURS: Record<string, string> = { A: '#1a5fb4', B: '#b34700', C: '#1e7b34', D: '#6b2fa3' };

function owner(state: HashingState, placement: Placement): string {
  return state.joined ? placement.after : placement.before;
}

function moved(state: HashingState, placement: Placement): boolean {
  return state.joined && placement.before !== placement.after;
}

function drawModulo(state: HashingState): SVGSVGElement {
  const columns = state.servers.map((server, i) => {
    const x = i * 275;
    const mine = state.placements.filter((p) => owner(state, p) === server);
    return svg(
      'g',
      {},
      box(x, 0, 255, 50, 'server', [`Server ${server}`]),
      ...mine.map((p, row) => {
        const y = 66 + row * 36;
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
            fill: shifted ? ROLE.highlight.fill : '#fff',
            stroke: shifted ? ROLE.highlight.stroke : '#bbb',
          }),
          text(x + 14, y + 17, shifted ? `${p.client} ← ${p.before}` : p.client, { 'font-size': 20 }),
        );
      }),
    );
  });
  return picture(
    1100,
    66 + 36 * 8,
    `IP-Hash mit ${state.servers.length} Servern, ${state.moved} Clients gewechselt`,
    ...columns,
  );
}

function drawRing(state: HashingState): SVGSVGElement {
  const [cx, cy, r] = [250, 180, 140];
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
      stroke: shifted ? ROLE.highlight.stroke : '#fff',
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
    const y = 60 + i * 48;
    return svg(
      'g',
      {},
      svg('rect', { x: 560, y: y - 13, width: 26, height: 26, fill: SERVER_COLOURS[server]!, rx: 4 }),
      text(600, y, `Server ${server}: ${mine.length} Clients${arrived > 0 ? `, davon ${arrived} neu` : ''}`),
    );
  });
  return picture(
    1100,
    360,
    `Ring mit ${state.servers.length} Servern, ${state.moved} Clients gewechselt`,
    svg('circle', { cx, cy, r, fill: 'none', stroke: '#888', 'stroke-width': 3 }),
    ...clients,
    ...servers,
    ...legend,
    text(560, 60 + state.servers.length * 48 + 10, '● Client, ■ Server; gelb: hat gewechselt', {
      'font-size': 20,
      fill: MUTED,
      'font-style': 'italic',
    }),
  );
}

export function drawHashing(state: HashingState) {
  return state.view === 'modulo' ? drawModulo(state) : drawRing(state);
}
