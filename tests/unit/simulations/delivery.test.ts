import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, DELIVERY_STEPS, deliveryState, TIMEOUT_MS } from '../../../src/widgets/simulations/delivery';

const lane = (step: number, seed: number, semantics: string) =>
  deliveryState(step, seed).lanes.find((l) => l.semantics === semantics)!;

describe('delivery semantics simulation', () => {
  it('at the end: at most once books nothing, at least once twice, with an idempotency key once', () => {
    const last = DELIVERY_STEPS - 1;
    expect(lane(last, 5, 'hoechstens')).toMatchObject({ effects: 0, client: 'Fehler gemeldet' });
    expect(lane(last, 5, 'mindestens')).toMatchObject({ effects: 2, client: 'Erfolg gemeldet' });
    expect(lane(last, 5, 'genau')).toMatchObject({ effects: 1, client: 'Erfolg gemeldet' });
    expect(lane(last, 5, 'genau').attempts.map((a) => a.outcome)).toEqual(['verloren', 'gebucht', 'duplikat']);
  });

  it('counts the effects step by step: the second booking appears only with the third try', () => {
    const effects = (semantics: string) =>
      Array.from({ length: DELIVERY_STEPS }, (_, step) => lane(step, 5, semantics).effects);
    expect(effects('mindestens')).toEqual([0, 0, 1, 2, 2]);
    expect(effects('genau')).toEqual([0, 0, 1, 1, 1]);
    expect(lane(2, 5, 'mindestens').client).toBe('Timeout – versucht es erneut');
  });

  it('is a pure function of (step, seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 9 }), fc.integer(), (step, seed) => {
        expect(deliveryState(step, seed)).toEqual(deliveryState(step, seed));
      }),
    );
  });

  it('waits with exponential backoff and full jitter: each wait below base · 2^(n−1), sends after timeout + wait', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const [first, second, third] = lane(DELIVERY_STEPS - 1, seed, 'mindestens').attempts;
        expect(first).toMatchObject({ sentAt: 0, waited: 0 });
        expect(second!.waitBound).toBe(BACKOFF_BASE_MS * 2);
        expect(third!.waitBound).toBe(BACKOFF_BASE_MS * 4);
        for (const attempt of [second!, third!]) {
          expect(attempt.waited).toBeGreaterThanOrEqual(0);
          expect(attempt.waited).toBeLessThan(attempt.waitBound);
        }
        expect(third!.sentAt - second!.sentAt).toBe(TIMEOUT_MS + third!.waited);
      }),
    );
  });

  it('draws different waits for different seeds (the jitter spreads retries of many clients)', () => {
    const waits = new Set(Array.from({ length: 20 }, (_, seed) => lane(4, seed, 'mindestens').attempts[1]!.waited));
    expect(waits.size).toBeGreaterThan(10);
  });

  it('keeps any step within the steps there are', () => {
    expect(deliveryState(-1, 5)).toEqual(deliveryState(0, 5));
    expect(deliveryState(99, 5)).toEqual(deliveryState(DELIVERY_STEPS - 1, 5));
    expect(deliveryState(Number.NaN, 5).step).toBe(0);
  });
});
