import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALGORITHMS,
  balance,
  BALANCING_STEPS,
  balancingState,
  loads,
  requestTrace,
  REQUESTS,
} from '../../../src/widgets/simulations/balancing';

describe('load-balancing simulation', () => {
  it('every step runs one algorithm on the same trace', () => {
    const states = Array.from({ length: BALANCING_STEPS }, (_, step) => balancingState(step, 2));
    expect(states.map((s) => s.algorithm.id)).toEqual(ALGORITHMS.map((a) => a.id));
    for (const state of states) {
      expect(state.trace).toEqual(requestTrace(2));
      expect(state.loads.reduce((sum, load) => sum + load.requests, 0)).toBe(REQUESTS);
    }
  });

  it('round robin takes turns, weighted gives server 1 half of all requests', () => {
    const trace = requestTrace(2);
    expect(balance('round-robin', trace).map((a) => a.server)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(loads(balance('weighted', trace)).map((l) => l.requests)).toEqual([6, 3, 3]);
    expect(
      balance('weighted', trace)
        .slice(0, 4)
        .map((a) => a.server),
    ).toEqual([0, 1, 2, 0]);
  });

  it('least connections sends each request to a server with the fewest open requests at its arrival', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const assignments = balance('least-connections', requestTrace(seed));
        for (const [i, request] of assignments.entries()) {
          const open = [0, 1, 2].map(
            (s) =>
              assignments.slice(0, i).filter((a) => a.server === s && a.arrival + a.duration > request.arrival).length,
          );
          expect(open[request.server]).toBe(Math.min(...open));
        }
      }),
    );
  });

  it('IP hash keeps every client on one server', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const servers = new Map<string, Set<number>>();
        for (const a of balance('ip-hash', requestTrace(seed))) {
          servers.set(a.client, (servers.get(a.client) ?? new Set()).add(a.server));
        }
        for (const set of servers.values()) expect(set.size).toBe(1);
      }),
    );
  });

  it('counts peaks of open requests per server and is a pure function of (step, seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 9 }), fc.integer(), (step, seed) => {
        const state = balancingState(step, seed);
        expect(state).toEqual(balancingState(step, seed));
        for (const load of state.loads) expect(load.peak).toBeLessThanOrEqual(load.requests);
        expect(state.caption).toContain(state.loads.map((l) => l.requests).join(' / '));
      }),
    );
  });
});
