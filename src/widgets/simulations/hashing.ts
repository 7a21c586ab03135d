/**
 * Which server serves a client when a fourth server joins three: IP hash modulo n moves most
 * clients, consistent hashing on a ring moves only those the new server takes over.
 */
import { between, clampStep, hash32, seededRandom } from './random';

export const SERVERS = ['A', 'B', 'C'] as const;
export const NEW_SERVER = 'D';
export const CLIENTS = 12;
const RING = 2 ** 32;

export type HashingView = 'modulo' | 'ring';

export interface Placement {
  client: string;
  /** Position on the ring, as a fraction of the circle in [0, 1). */
  position: number;
  before: string;
  after: string;
}

export interface HashingState {
  step: number;
  steps: number;
  caption: string;
  view: HashingView;
  /** The servers of this step (after D joined from step 1 on for modulo, step 3 on for the ring). */
  servers: string[];
  /** Ring positions of the servers, fractions of the circle. */
  serverPositions: Record<string, number>;
  placements: Placement[];
  /** True once D has joined in the current view: `after` is in effect. */
  joined: boolean;
  moved: number;
}

export const HASHING_STEPS = 4;

/** The clients: IP addresses drawn from the seed, all different. */
export function clientAddresses(seed: number, count = CLIENTS): string[] {
  const random = seededRandom(seed);
  const addresses = new Set<string>();
  while (addresses.size < count) addresses.add(`10.0.${between(random, 0, 255)}.${between(random, 1, 254)}`);
  return [...addresses];
}

export function byModulo(client: string, servers: readonly string[]): string {
  return servers[hash32(client) % servers.length]!;
}

export function serverPosition(server: string): number {
  return hash32(`Server ${server}`) / RING;
}

/** The first server clockwise from the client's position (wrapping around). */
export function byRing(client: string, servers: readonly string[]): string {
  const position = hash32(client) / RING;
  const sorted = [...servers].sort((a, b) => serverPosition(a) - serverPosition(b));
  return sorted.find((server) => serverPosition(server) >= position) ?? sorted[0]!;
}

export function hashingState(step: number, seed: number): HashingState {
  const current = clampStep(step, HASHING_STEPS);
  const view: HashingView = current <= 1 ? 'modulo' : 'ring';
  const joined = current % 2 === 1;
  const before = [...SERVERS];
  const after = [...SERVERS, NEW_SERVER];
  const assign = view === 'modulo' ? byModulo : byRing;
  const placements = clientAddresses(seed).map((client) => ({
    client,
    position: hash32(client) / RING,
    before: assign(client, before),
    after: assign(client, after),
  }));
  const moved = placements.filter((p) => p.before !== p.after).length;
  const servers = joined ? after : before;
  const count = (by: typeof byRing): number =>
    placements.filter(({ client }) => by(client, before) !== by(client, after)).length;
  const movedRing = count(byRing);
  const movedModulo = count(byModulo);
  const captions = [
    `IP-Hash: Server = hash(IP) mod 3. Jeder Client landet immer beim selben Server – solange es drei bleiben.`,
    `Server D kommt dazu, jetzt gilt mod 4: ${movedModulo} von ${CLIENTS} Clients wechseln den Server und verlieren ihre Sitzung.`,
    `Konsistentes Hashing: Clients und Server liegen auf einem Ring. Ein Client gehört dem nächsten Server im Uhrzeigersinn.`,
    `Server D kommt dazu: Nur ${movedRing} von ${CLIENTS} Clients wechseln, alle zu D (mit mod n waren es ${movedModulo}). Die übrigen bleiben, wo sie waren.`,
  ];
  return {
    step: current,
    steps: HASHING_STEPS,
    caption: captions[current]!,
    view,
    servers,
    serverPositions: Object.fromEntries(after.map((server) => [server, serverPosition(server)])),
    placements,
    joined,
    moved: joined ? moved : 0,
  };
}
