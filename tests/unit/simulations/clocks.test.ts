import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLOCK_EVENTS,
  CLOCK_STEPS,
  clockRun,
  clockState,
  happenedBefore,
} from '../../../src/widgets/simulations/clocks';

describe('Lamport and vector clock simulation', () => {
  it('step n shows the first n events of the same run', () => {
    const run = clockRun(4);
    for (let step = 0; step < CLOCK_STEPS; step++) expect(clockState(step, 4).events).toEqual(run.slice(0, step));
    expect(clockState(0, 4).caption).toMatch(/ohne gemeinsame Uhr/);
  });

  it('every message sent is received, after it was sent, by its addressee', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const run = clockRun(seed);
        expect(run).toHaveLength(CLOCK_EVENTS);
        for (const send of run.filter((e) => e.kind === 'senden')) {
          const receive = run.find((e) => e.kind === 'empfangen' && e.message === send.message);
          expect(receive, `${send.message} (seed ${seed})`).toBeDefined();
          expect(receive!.index).toBeGreaterThan(send.index);
          expect(receive!.process).toBe(send.peer);
          expect(receive!.peer).toBe(send.process);
        }
      }),
    );
  });

  it('Lamport: a receive is later than its send and each process counts up; the rule is shown', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const run = clockRun(seed);
        for (const event of run) {
          const before = run.filter((e) => e.process === event.process && e.index < event.index).at(-1);
          expect(event.lamport).toBeGreaterThan(before?.lamport ?? 0);
          expect(event.rule.endsWith(`= ${event.lamport}`)).toBe(true);
          if (event.kind === 'empfangen') {
            const send = run.find((e) => e.kind === 'senden' && e.message === event.message)!;
            expect(event.lamport).toBeGreaterThan(send.lamport);
            expect(event.lamport).toBe(Math.max(before?.lamport ?? 0, send.lamport) + 1);
          }
        }
      }),
    );
  });

  it('vector clocks order exactly the causally related events; Lamport order alone does not show concurrency', () => {
    let concurrentSeen = false;
    for (let seed = 0; seed < 50; seed++) {
      const run = clockRun(seed);
      for (const a of run) {
        for (const b of run) {
          if (happenedBefore(a.vector, b.vector)) expect(a.lamport).toBeLessThan(b.lamport);
          const concurrent = a !== b && !happenedBefore(a.vector, b.vector) && !happenedBefore(b.vector, a.vector);
          if (concurrent && a.lamport < b.lamport) concurrentSeen = true;
        }
      }
    }
    expect(concurrentSeen).toBe(true);
  });

  it('a fixed step and seed always give the same state', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 20 }), fc.integer(), (s, seed) => {
        expect(clockState(s, seed)).toEqual(clockState(s, seed));
      }),
    );
  });
});
