import { describe, expect, it } from 'vitest';
import {
  isDemoState,
  type CrashDemoState,
  type IdempotencyDemoState,
  type LoadDemoState,
} from '../../../src/shared/demos';

/** States of the failure demos arrive from another window or the server: drawn only when they have their shape. */
const crash: CrashDemoState = {
  demo: 'crash',
  connection: 'live',
  status: 'Live',
  presenter: true,
  job: 'crash-1',
  phase: 'done',
  attempts: [
    { number: 1, worker: 'thread-3', outcome: 'crashed' },
    { number: 2, worker: 'thread-4', outcome: 'completed' },
  ],
  result: '{"sleptMs":6000}',
  message: '',
  error: '',
};
const idempotency: IdempotencyDemoState = {
  demo: 'idempotency',
  connection: 'live',
  status: 'Live',
  slot: 12,
  busy: false,
  runs: [{ withKey: true, before: 2, after: 3, jobs: ['idem-1', 'idem-1'] }],
  error: '',
};
const load: LoadDemoState = {
  demo: 'load',
  connection: 'live',
  status: 'Live',
  presenter: false,
  request: { rate: 12, durationS: 15, jobMs: 500 },
  report: null,
  error: '',
};

describe('failure demo states from elsewhere', () => {
  it('accepts each demo’s state', () => {
    for (const state of [crash, idempotency, load]) expect(isDemoState(state), state.demo).toBe(true);
  });

  it('refuses a state without its lists or with the wrong kinds', () => {
    expect(isDemoState({ ...crash, attempts: 'zwei' })).toBe(false);
    expect(isDemoState({ ...crash, connection: 'irgendwie' })).toBe(false);
    expect(isDemoState({ ...idempotency, runs: null })).toBe(false);
    expect(isDemoState({ ...idempotency, busy: 'ja' })).toBe(false);
    expect(isDemoState({ ...load, request: null })).toBe(false);
    expect(isDemoState({ ...load, report: { samples: 'viele' } })).toBe(false);
    expect(isDemoState({ ...load, demo: 'unbekannt' })).toBe(false);
  });
});
