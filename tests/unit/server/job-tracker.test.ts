import { describe, expect, it } from 'vitest';
import { JobTracker } from '../../../src/server/tasks/job-tracker';
import type { Job, JobEvent } from '../../../src/shared/tasks';

const NOW = new Date('2026-12-03T10:00:00.000Z');

function queued(id: string): Job {
  return { id, task: 'sum', state: 'queued', progress: 0, createdAt: NOW.toISOString() };
}

/** A tracker over a store the test fills; `load` answers when the test says so, if `gate` is set. */
function setup() {
  const stored = new Map<string, Job>();
  const released: string[] = [];
  let gate: Promise<void> | undefined;
  const tracker = new JobTracker<string>({
    load: async (id) => {
      await gate;
      return stored.get(id);
    },
    release: (place) => released.push(place),
    now: () => NOW,
  });
  const hold = () => {
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    return () => {
      gate = undefined;
      open();
    };
  };
  return { tracker, stored, released, hold };
}

async function watched(tracker: JobTracker<string>, id: string, finishOnly = false) {
  const events: JobEvent[] = [];
  const stop = await tracker.watch(id, (event) => events.push(event), { finishOnly });
  return { events, stop, types: () => events.map((event) => event.type) };
}

/** Lets the tracker's per-job chains run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const returned = { value: 10, durationMs: 4, worker: 'worker-a', task: 'sum' };

describe('JobTracker', () => {
  it('turns a job’s queue events into its states, in order, for a watcher', async () => {
    const { tracker, stored } = setup();
    tracker.created(queued('a'), false);
    const watcher = await watched(tracker, 'a');
    stored.set('a', { ...queued('a'), state: 'active', startedAt: NOW.toISOString(), worker: 'worker-a' });
    tracker.receive({ type: 'active', jobId: 'a' });
    tracker.receive({ type: 'progress', jobId: 'a', data: 0.5 });
    tracker.receive({ type: 'completed', jobId: 'a', returned });
    await settled();
    expect(watcher.types()).toEqual(['queued', 'active', 'progress', 'completed']);
    expect(watcher.events[1]!.job).toMatchObject({ state: 'active', worker: 'worker-a' });
    expect(watcher.events[2]!.job.progress).toBe(0.5);
    expect(watcher.events[3]!.job).toMatchObject({
      state: 'completed',
      progress: 1,
      result: 10,
      durationMs: 4,
      worker: 'worker-a',
      finishedAt: NOW.toISOString(),
    });
  });

  it('keeps one job’s events in order while the first of them still waits for a read', async () => {
    const { tracker, stored, hold } = setup();
    tracker.created(queued('a'), false);
    const watcher = await watched(tracker, 'a');
    const open = hold();
    stored.set('a', { ...queued('a'), state: 'active', worker: 'worker-b' });
    tracker.receive({ type: 'active', jobId: 'a' });
    tracker.receive({ type: 'progress', jobId: 'a', data: 0.9 });
    tracker.receive({ type: 'completed', jobId: 'a', returned: { ...returned, worker: 'worker-b' } });
    await settled();
    expect(watcher.types()).toEqual(['queued']);
    open();
    await settled();
    expect(watcher.types()).toEqual(['queued', 'active', 'progress', 'completed']);
    expect(watcher.events[1]!.job.worker).toBe('worker-b');
  });

  it('holds the end of a job that execute is about to watch, even when it arrives first', async () => {
    const { tracker } = setup();
    tracker.created(queued('a'), true);
    tracker.receive({ type: 'completed', jobId: 'a', returned });
    await settled();
    const watcher = await watched(tracker, 'a', true);
    expect(watcher.events).toEqual([{ type: 'completed', job: expect.objectContaining({ result: 10 }) as Job }]);
    watcher.stop?.();
    expect(tracker.size).toBe(0);
  });

  it('forgets a finished job nobody holds or watches; a later watcher reads it from the store', async () => {
    const { tracker, stored } = setup();
    tracker.created(queued('a'), false);
    tracker.receive({ type: 'completed', jobId: 'a', returned });
    await settled();
    expect(tracker.size).toBe(0);
    expect(await tracker.watch('a', () => undefined)).toBeUndefined();
    stored.set('a', { ...queued('a'), state: 'completed', result: 10 });
    const watcher = await watched(tracker, 'a');
    expect(watcher.events).toEqual([{ type: 'completed', job: stored.get('a') }]);
  });

  it('ignores events of jobs nobody here follows (another instance’s jobs)', async () => {
    const { tracker, released } = setup();
    for (const jobId of ['x', 'y', 'z']) {
      tracker.receive({ type: 'waiting', jobId });
      tracker.receive({ type: 'completed', jobId, returned });
    }
    await settled();
    expect(tracker.size).toBe(0);
    expect(released).toEqual([]);
  });

  it('takes the first end as final: later events change nothing', async () => {
    const { tracker } = setup();
    tracker.created(queued('a'), false);
    const watcher = await watched(tracker, 'a');
    tracker.receive({
      type: 'failed',
      jobId: 'a',
      failedReason: JSON.stringify({ kind: 'timeout', message: 'zu lang' }),
    });
    tracker.receive({ type: 'completed', jobId: 'a', returned });
    tracker.receive({ type: 'progress', jobId: 'a', data: 1 });
    await settled();
    expect(watcher.types()).toEqual(['queued', 'failed']);
    expect(watcher.events[1]!.job).toMatchObject({ state: 'failed', failure: 'timeout', error: 'zu lang' });
  });

  it('reads a cancelled failure as cancelled, and plain text from BullMQ as an error', async () => {
    const { tracker } = setup();
    tracker.created(queued('a'), false);
    tracker.created(queued('b'), false);
    const a = await watched(tracker, 'a');
    const b = await watched(tracker, 'b');
    tracker.receive({
      type: 'failed',
      jobId: 'a',
      failedReason: JSON.stringify({ kind: 'cancelled', message: 'weg' }),
    });
    tracker.receive({ type: 'failed', jobId: 'b', failedReason: 'job stalled more than allowable limit' });
    await settled();
    expect(a.events.at(-1)!.job).toMatchObject({ state: 'cancelled', failure: 'cancelled' });
    expect(b.events.at(-1)!.job).toMatchObject({
      state: 'failed',
      failure: 'error',
      error: 'job stalled more than allowable limit',
    });
  });

  it('gives a finish-only watcher the end alone', async () => {
    const { tracker } = setup();
    tracker.created(queued('a'), false);
    const watcher = await watched(tracker, 'a', true);
    tracker.receive({ type: 'active', jobId: 'a' });
    tracker.receive({ type: 'progress', jobId: 'a', data: 0.3 });
    tracker.receive({ type: 'removed', jobId: 'a' });
    await settled();
    expect(watcher.types()).toEqual(['queued', 'failed']);
    expect(watcher.events[1]!.job.state).toBe('cancelled');
  });

  it('frees the place of a handed-over job once, at its end, and counts the jobs in the queue', async () => {
    const { tracker, released } = setup();
    for (const id of ['a', 'b', 'c']) {
      tracker.created(queued(id), false);
      tracker.handedOver(id, `place-${id}`);
    }
    expect(tracker.inQueue).toBe(3);
    tracker.receive({ type: 'completed', jobId: 'a', returned });
    tracker.receive({ type: 'failed', jobId: 'a', failedReason: 'noch einmal' });
    tracker.receive({ type: 'removed', jobId: 'b' });
    expect(released).toEqual(['place-a', 'place-b']);
    expect(tracker.inQueue).toBe(1);
  });

  it('after an outage, frees the places of handed-over jobs that ended unheard or are gone', async () => {
    const { tracker, stored, released } = setup();
    for (const id of ['done', 'gone', 'running']) tracker.handedOver(id, id);
    stored.set('done', { ...queued('done'), state: 'completed' });
    stored.set('running', { ...queued('running'), state: 'active' });
    await tracker.reconcile();
    expect(released).toEqual(['done', 'gone']);
    expect(tracker.inQueue).toBe(1);
  });

  it('lets the runner end a job itself, stamped with its clock', async () => {
    const { tracker } = setup();
    tracker.created(queued('a'), false);
    const watcher = await watched(tracker, 'a');
    tracker.end('a', { state: 'cancelled', failure: 'cancelled', error: 'abgebrochen' });
    await settled();
    expect(watcher.events[1]).toEqual({
      type: 'failed',
      job: {
        ...queued('a'),
        state: 'cancelled',
        failure: 'cancelled',
        error: 'abgebrochen',
        finishedAt: NOW.toISOString(),
      },
    });
    expect(tracker.latest('a')?.state).toBe('cancelled');
  });
});
