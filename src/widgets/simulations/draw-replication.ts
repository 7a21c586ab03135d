import { svg } from '../../browser/dom';
import { arrow, box, label, LINE, picture, type Layout, type Role, ERROR } from './draw';
import type { NodeId, ReplicationState } from './replication';

type Point = [number, number];

interface Geometry {
  width: number;
  height: number;
  box: { width: number; height: number };
  places: Record<NodeId, { x: number; y: number }>;
  /** The route of a message between two nodes, drawn around the boxes in its way. */
  routes: Record<string, Point[]>;
}

/** Wide: client left, leader in the middle, the followers right. */
const WIDE_ROUTES: Record<string, Point[]> = {
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

/** Narrow: client on top, leader below it, the two followers side by side at the bottom. */
const NARROW_ROUTES: Record<string, Point[]> = {
  'client>leader': [
    [205, 100],
    [205, 200],
  ],
  'leader>client': [
    [335, 200],
    [335, 100],
  ],
  'leader>sync': [
    [190, 300],
    [125, 400],
  ],
  'leader>async': [
    [350, 300],
    [415, 400],
  ],
  'client>async': [
    [395, 50],
    [520, 50],
    [520, 400],
  ],
  'client>sync': [
    [145, 50],
    [20, 50],
    [20, 400],
  ],
};

const GEOMETRY: Record<Layout, Geometry> = {
  wide: {
    width: 1100,
    height: 340,
    box: { width: 262, height: 110 },
    places: {
      client: { x: 20, y: 115 },
      leader: { x: 420, y: 10 },
      sync: { x: 830, y: 10 },
      async: { x: 830, y: 220 },
    },
    routes: WIDE_ROUTES,
  },
  narrow: {
    width: 540,
    height: 502,
    box: { width: 250, height: 100 },
    places: { client: { x: 145, y: 0 }, leader: { x: 145, y: 200 }, sync: { x: 0, y: 400 }, async: { x: 290, y: 400 } },
    routes: NARROW_ROUTES,
  },
};

/** The label of a message sits on the longest stretch of its route. */
function longestSegment(route: Point[]): [Point, Point] {
  const segments = route.slice(1).map((end, i): [Point, Point] => [route[i]!, end]);
  const length = ([[x1, y1], [x2, y2]]: [Point, Point]): number => Math.hypot(x2 - x1, y2 - y1);
  return segments.reduce((longest, segment) => (length(segment) > length(longest) ? segment : longest));
}

export function drawReplication(state: ReplicationState, layout: Layout) {
  const { width, height, box: size, places, routes } = GEOMETRY[layout];
  const boxes = state.nodes.map((node) => {
    const { x, y } = places[node.id];
    let role: Role = node.id === 'client' ? 'client' : 'server';
    if (state.readYourWritesViolated && (node.id === 'async' || node.id === 'client')) role = 'error';
    return box(x, y, size.width, size.height, role, [node.label, `„${node.value}“ · v${node.version}`]);
  });
  const messages = state.messages.map((message) => {
    const route = routes[`${message.from}>${message.to}`]!;
    const [a, b] = longestSegment(route);
    const refused = message.state === 'abgelehnt';
    const color = refused ? ERROR : LINE;
    const text = refused ? `${message.label} ✗` : message.state === 'unterwegs' ? `${message.label} …` : message.label;
    return svg(
      'g',
      {},
      arrow(route, { dashed: message.state === 'unterwegs', color }),
      label((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 - 4, text, color, width),
    );
  });
  return picture(
    width,
    height,
    state.nodes.map((node) => `${node.label}: ${node.value}, Version ${node.version}`).join('; '),
    ...boxes,
    ...messages,
  );
}
