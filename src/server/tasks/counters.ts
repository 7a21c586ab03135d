import { COUNTER_SLOTS } from '../../shared/teach';

/**
 * The counters of the `counter` task: shared memory, so the main thread and every worker thread
 * of one process count into the same slots. The pool hands this buffer to its threads.
 */
let counters = new Int32Array(new SharedArrayBuffer(COUNTER_SLOTS * Int32Array.BYTES_PER_ELEMENT));

export function counterBuffer(): SharedArrayBuffer {
  return counters.buffer as SharedArrayBuffer;
}

/** In a worker thread: count into the pool's buffer instead of one of its own. */
export function useCounterBuffer(buffer: SharedArrayBuffer): void {
  counters = new Int32Array(buffer);
}

export function incrementCounter(slot: number): number {
  return Atomics.add(counters, slot, 1) + 1;
}

export function readCounter(slot: number): number {
  return Atomics.load(counters, slot);
}
