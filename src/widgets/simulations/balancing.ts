/**
 * Four load-balancing algorithms on one request trace: round robin, least connections,
 * weighted round robin and IP hash. Three servers; server 1 is twice as strong (weight 2).
 */
import { between, clampStep, hash32, seededRandom } from './random';

export const BALANCED_SERVERS = ['Server 1', 'Server 2', 'Server 3'] as const;
export const WEIGHTS = [2, 1, 1] as const;
export const REQUESTS = 12;
const CLIENT_IPS = ['10.0.0.7', '10.0.3.21', '10.0.5.9', '10.0.8.142'] as const;

export type Algorithm = 'round-robin' | 'least-connections' | 'weighted' | 'ip-hash';

export const ALGORITHMS: readonly { id: Algorithm; label: string; rule: string }[] = [
  { id: 'round-robin', label: 'Round Robin', rule: 'der Reihe nach, 1, 2, 3, 1, 2, 3 und so weiter' },
  { id: 'least-connections', label: 'Least Connections', rule: 'an den Server mit den wenigsten offenen Anfragen' },
  { id: 'weighted', label: 'Gewichtet (2 : 1 : 1)', rule: 'Server 1 bekommt doppelt so viele wie die anderen' },
  { id: 'ip-hash', label: 'IP-Hash', rule: 'hash(Client-IP) mod 3: derselbe Client, derselbe Server' },
];

export interface Request {
  /** 1-based, in order of arrival. */
  number: number;
  client: string;
  /** Milliseconds since the start of the trace. */
  arrival: number;
  duration: number;
}

export interface Assignment extends Request {
  server: number;
}

export interface ServerLoad {
  requests: number;
  /** The most requests this server had open at the same time. */
  peak: number;
}

export interface BalancingState {
  step: number;
  steps: number;
  algorithm: (typeof ALGORITHMS)[number];
  caption: string;
  trace: Request[];
  assignments: Assignment[];
  loads: ServerLoad[];
}

export const BALANCING_STEPS = ALGORITHMS.length;

/** The same requests for every algorithm: arrivals every 0–150 ms, some of them long. */
export function requestTrace(seed: number): Request[] {
  const random = seededRandom(seed);
  const trace: Request[] = [];
  let arrival = 0;
  for (let number = 1; number <= REQUESTS; number++) {
    const long = random() < 0.3;
    trace.push({
      number,
      client: CLIENT_IPS[between(random, 0, CLIENT_IPS.length - 1)]!,
      arrival,
      duration: long ? between(random, 700, 1000) : between(random, 150, 300),
    });
    arrival += between(random, 40, 150);
  }
  return trace;
}

/** Open requests of a server at a moment: arrived before, not yet finished. */
function openAt(assignments: readonly Assignment[], server: number, time: number): number {
  return assignments.filter((a) => a.server === server && a.arrival <= time && a.arrival + a.duration > time).length;
}

export function balance(algorithm: Algorithm, trace: readonly Request[]): Assignment[] {
  const assignments: Assignment[] = [];
  const n = BALANCED_SERVERS.length;
  // Smooth weighted round robin (as in nginx): every server gains its weight, the leader pays the total.
  const credit = WEIGHTS.map(() => 0);
  const total = WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  for (const [i, request] of trace.entries()) {
    let server: number;
    switch (algorithm) {
      case 'round-robin':
        server = i % n;
        break;
      case 'least-connections': {
        const open = BALANCED_SERVERS.map((_, s) => openAt(assignments, s, request.arrival));
        server = open.indexOf(Math.min(...open));
        break;
      }
      case 'weighted': {
        for (const [s, weight] of WEIGHTS.entries()) credit[s]! += weight;
        server = credit.indexOf(Math.max(...credit));
        credit[server]! -= total;
        break;
      }
      case 'ip-hash':
        server = hash32(request.client) % n;
        break;
    }
    assignments.push({ ...request, server });
  }
  return assignments;
}

export function loads(assignments: readonly Assignment[]): ServerLoad[] {
  return BALANCED_SERVERS.map((_, server) => {
    const mine = assignments.filter((a) => a.server === server);
    return { requests: mine.length, peak: Math.max(0, ...mine.map((a) => openAt(mine, server, a.arrival))) };
  });
}

export function balancingState(step: number, seed: number): BalancingState {
  const current = clampStep(step, BALANCING_STEPS);
  const algorithm = ALGORITHMS[current]!;
  const trace = requestTrace(seed);
  const assignments = balance(algorithm.id, trace);
  const serverLoads = loads(assignments);
  const counts = serverLoads.map((load) => load.requests).join(' / ');
  const peaks = serverLoads.map((load) => load.peak).join(' / ');
  return {
    step: current,
    steps: BALANCING_STEPS,
    algorithm,
    caption: `${algorithm.label}: ${algorithm.rule}. Anfragen je Server ${counts}, höchstens gleichzeitig offen ${peaks}.`,
    trace,
    assignments,
    loads: serverLoads,
  };
}
