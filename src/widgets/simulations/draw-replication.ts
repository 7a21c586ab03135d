import { svg } from '../../browser/dom';
import { arrow, box, label, picture, type Role, ERROR } from './draw';
import type { NodeId, ReplicationState } from './replication';

const PLACES: Record<NodeId, { x: number; y: number }> = {
  client: { x: 20, y: 115 },
  leader: { x: 420, y: 10 },
  sync: { x: 830, y: 10 },
  async: { x: 830, y: 220 },
};
const WIDTH = 262;
const HEIGHT = 110;

/** The route of a message between two nodes, drawn around the boxes in its way. */
const ROUTES: Record<string, [number, number][]> = {
  'client>leader': [
    [270, 150],
    [420, 80],
  ],
  'leader>client': [
    [420, 100],
    [270, 170],
  ],
  'leader>sync': [
    [682, 65],
    [830, 65],
  ],
  'leader>async': [
    [640, 120],
    [830, 250],
  ],
  'client>async': [
    [270, 205],
    [830, 290],
  ],
  'client>sync': [
    [270, 140],
    [720, 140],
    [880, 122],
  ],
};

/** The label of a message sits on the longest stretch of its route. */
function longestSegment(route: [number, number][]): [[number, number], [number, number]] {
  const segments = route.slice(1).map((end, i): [[number, number], [number, number]] => [route[i]!, end]);
  const length = ([[x1, y1], [x2, y2]]: [[number, number], [number, number]]): number => Math.hypot(x2 - x1, y2 - y1);
  return segments.reduce((longest, segment) => (length(segment) > length(longest) ? segment : longest));
}

export function drawReplication(state: ReplicationState) {
  const boxes = state.nodes.map((node) => {
    const { x, y } = PLACES[node.id];
    let role: Role = node.id === 'client' ? 'client' : 'server';
    if (state.readYourWritesViolated && (node.id === 'async' || node.id === 'client')) role = 'error';
    return box(x, y, WIDTH, HEIGHT, role, [node.label, `„${node.value}“ · v${node.version}`]);
  });
  const messages = state.messages.map((message) => {
    const route = ROUTES[`${message.from}>${message.to}`]!;
    const [a, b] = longestSegment(route);
    const refused = message.state === 'abgelehnt';
    const color = refused ? ERROR : '#333';
    const text = refused ? `${message.label} ✗` : message.state === 'unterwegs' ? `${message.label} …` : message.label;
    return svg(
      'g',
      {},
      arrow(route, { dashed: message.state === 'unterwegs', color }),
      label((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 4, text, color),
    );
  });
  return picture(
    1100,
    340,
    state.nodes.map((node) => `${node.label}: ${node.value}, Version ${node.version}`).join('; '),
    ...boxes,
    ...messages,
  );
}
