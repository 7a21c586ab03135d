import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REPLICATION_STEPS, replicationState } from '../../../src/widgets/simulations/replication';

const version = (step: number, id: string) => replicationState(step, 3).nodes.find((n) => n.id === id)!.version;

describe('replication simulation', () => {
  it('the leader writes first, the synchronous follower before the OK, the asynchronous one last', () => {
    const steps = Array.from({ length: REPLICATION_STEPS }, (_, step) => step);
    expect(steps.map((step) => version(step, 'leader'))).toEqual([1, 2, 2, 2, 2, 2, 2]);
    expect(steps.map((step) => version(step, 'sync'))).toEqual([1, 1, 2, 2, 2, 2, 2]);
    expect(steps.map((step) => version(step, 'async'))).toEqual([1, 1, 1, 1, 1, 1, 2]);
    const ok = steps.find((step) => replicationState(step, 3).messages.some((m) => m.to === 'client'))!;
    expect(version(ok, 'sync')).toBe(2);
  });

  it('shows a read-your-writes violation: after its OK the client reads an older version from the lagging follower', () => {
    const violations = Array.from({ length: REPLICATION_STEPS }, (_, step) => replicationState(step, 3)).filter(
      (state) => state.readYourWritesViolated,
    );
    expect(violations).toHaveLength(1);
    const [state] = violations;
    expect(state!.messages).toContainEqual(expect.objectContaining({ from: 'client', to: 'async', label: 'lies' }));
    expect(state!.nodes.find((n) => n.id === 'client')!.version).toBeLessThan(version(state!.step, 'leader'));
  });

  it('the fix refuses the read at the follower that lags and reads the own version elsewhere', () => {
    const fix = replicationState(5, 3);
    expect(fix.messages).toContainEqual(expect.objectContaining({ to: 'async', state: 'abgelehnt' }));
    expect(fix.messages).toContainEqual(expect.objectContaining({ to: 'sync', state: 'zugestellt' }));
    expect(fix.nodes.find((n) => n.id === 'client')!.version).toBe(2);
  });

  it('the lag comes from the seed and appears in the text; the state is a pure function of (step, seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 10 }), fc.integer(), (step, seed) => {
        const state = replicationState(step, seed);
        expect(state).toEqual(replicationState(step, seed));
        expect(state.lagMs).toBeGreaterThanOrEqual(200);
        expect(state.lagMs).toBeLessThanOrEqual(900);
      }),
    );
    expect(replicationState(3, 3).caption).toContain(`${replicationState(3, 3).lagMs} ms`);
  });
});
