import { svg } from '../../browser/dom';
import type { Attempt, DeliveryState } from './delivery';
import { ERROR, MUTED, picture, ROLE, SUCCESS, text, type Layout } from './draw';

const LANE_WIDTH = 350;
const LANE_HEIGHT = 400;
const GAP = 25;

function outcome(attempt: Attempt): [string, string] {
  switch (attempt.outcome) {
    case 'verloren':
      return ['Anfrage verloren', ERROR];
    case 'gebucht':
      return attempt.replied ? ['gebucht, Antwort kommt an', SUCCESS] : ['gebucht, Antwort verloren', ERROR];
    case 'duplikat':
      return ['Schlüssel bekannt: alte Antwort', SUCCESS];
  }
}

/** Wide: the three lanes side by side; narrow: one below the other. */
export function drawDelivery(state: DeliveryState, layout: Layout) {
  const narrow = layout === 'narrow';
  const lanes = state.lanes.map((lane, i) => {
    const x = narrow ? 0 : i * (LANE_WIDTH + GAP);
    const top = narrow ? i * (LANE_HEIGHT + GAP) : 0;
    const rows = lane.attempts.flatMap((attempt, row) => {
      const y = top + 70 + row * 82;
      const [result, color] = outcome(attempt);
      const wait = attempt.number === 1 ? 'sofort' : `Backoff ${attempt.waited} ms (< ${attempt.waitBound})`;
      return [
        text(x + 14, y, `Versuch ${attempt.number} · t = ${attempt.sentAt} ms`, {
          'font-size': 20,
          'font-weight': 700,
        }),
        text(x + 14, y + 26, wait, { 'font-size': 20, fill: MUTED }),
        text(x + 14, y + 52, result, { 'font-size': 20, fill: color }),
      ];
    });
    const wrong = lane.effects !== 1 && lane.attempts.length > 0;
    const effectRole = wrong ? ROLE.error : ROLE.highlight;
    return svg(
      'g',
      {},
      svg('rect', {
        x,
        y: top,
        width: LANE_WIDTH,
        height: LANE_HEIGHT,
        rx: 10,
        fill: ROLE.server.fill,
        stroke: ROLE.server.stroke,
        'stroke-width': 2.5,
      }),
      text(x + LANE_WIDTH / 2, top + 26, lane.label, { 'text-anchor': 'middle', 'font-weight': 700, 'font-size': 24 }),
      ...rows,
      svg('rect', {
        x: x + 10,
        y: top + 320,
        width: LANE_WIDTH - 20,
        height: 70,
        rx: 8,
        fill: effectRole.fill,
        stroke: effectRole.stroke,
        'stroke-width': 2,
      }),
      text(x + LANE_WIDTH / 2, top + 340, `Abbuchungen: ${lane.effects}`, {
        'text-anchor': 'middle',
        'font-weight': 700,
      }),
      text(x + LANE_WIDTH / 2, top + 370, `Client: ${lane.client}`, { 'text-anchor': 'middle', 'font-size': 20 }),
    );
  });
  const count = state.lanes.length;
  return picture(
    narrow ? LANE_WIDTH : count * LANE_WIDTH + (count - 1) * GAP,
    narrow ? count * LANE_HEIGHT + (count - 1) * GAP : LANE_HEIGHT,
    state.lanes.map((lane) => `${lane.label}: ${lane.effects} Abbuchungen, Client ${lane.client}`).join('; '),
    ...lanes,
  );
}
