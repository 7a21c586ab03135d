import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  byModulo,
  byRing,
  clientAddresses,
  HASHING_STEPS,
  hashingState,
  NEW_SERVER,
  SERVERS,
} from '../../../src/widgets/simulations/hashing';

const before = [...SERVERS];
const after = [...SERVERS, NEW_SERVER];

describe('IP hash and consistent hashing simulation', () => {
  it('on the ring every client that moves, moves to the new server', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        for (const client of clientAddresses(seed)) {
          const [old, now] = [byRing(client, before), byRing(client, after)];
          if (old !== now) expect(now).toBe(NEW_SERVER);
        }
      }),
    );
  });

  it('with many keys mod n moves about three quarters, the ring only what D takes over', () => {
    const clients = clientAddresses(7, 2000);
    const movedModulo = clients.filter((c) => byModulo(c, before) !== byModulo(c, after)).length;
    const movedRing = clients.filter((c) => byRing(c, before) !== byRing(c, after)).length;
    const ownedByD = clients.filter((c) => byRing(c, after) === NEW_SERVER).length;
    expect(movedModulo / clients.length).toBeGreaterThan(0.65);
    expect(movedModulo / clients.length).toBeLessThan(0.85);
    expect(movedRing).toBe(ownedByD);
    expect(movedRing).toBeLessThan(movedModulo);
  });

  it('the steps: mod 3, mod 4 with moves, ring, ring with D; counts match the placements', () => {
    const states = Array.from({ length: HASHING_STEPS }, (_, step) => hashingState(step, 1));
    expect(states.map((s) => [s.view, s.servers.length])).toEqual([
      ['modulo', 3],
      ['modulo', 4],
      ['ring', 3],
      ['ring', 4],
    ]);
    expect(states[0]!.moved).toBe(0);
    expect(states[1]!.moved).toBe(states[1]!.placements.filter((p) => p.before !== p.after).length);
    expect(states[3]!.moved).toBeLessThan(states[1]!.moved);
    expect(states[3]!.caption).toContain(`Nur ${states[3]!.moved} von`);
  });

  it('is a pure function of (step, seed) with twelve different clients', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 8 }), fc.integer(), (step, seed) => {
        const state = hashingState(step, seed);
        expect(state).toEqual(hashingState(step, seed));
        expect(new Set(state.placements.map((p) => p.client)).size).toBe(12);
      }),
    );
  });
});
