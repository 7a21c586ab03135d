import { describe, expect, it } from 'vitest';
import { formatElapsed, Timer } from '../../../src/viewer/model/timer';

function clocked(): { timer: Timer; advance(ms: number): void } {
  let now = 1_000;
  return { timer: new Timer(() => now), advance: (ms) => (now += ms) };
}

describe('Timer', () => {
  it('goes idle → running → paused → running and counts only running time', () => {
    const { timer, advance } = clocked();
    expect(timer.state).toBe('idle');
    timer.start();
    advance(5_000);
    timer.toggle();
    expect(timer.state).toBe('paused');
    advance(60_000);
    expect(timer.elapsed()).toBe(5_000);
    timer.toggle();
    advance(2_500);
    expect(timer.state).toBe('running');
    expect(timer.elapsed()).toBe(7_500);
  });

  it('reset goes back to zero; a running timer keeps running, a paused one becomes idle', () => {
    const { timer, advance } = clocked();
    timer.start();
    advance(3_000);
    timer.reset();
    expect(timer.state).toBe('running');
    advance(1_000);
    expect(timer.elapsed()).toBe(1_000);
    timer.pause();
    timer.reset();
    expect(timer.state).toBe('idle');
    expect(timer.elapsed()).toBe(0);
  });

  it('survives a snapshot and restore, counting the time in between while running', () => {
    const first = clocked();
    first.timer.start();
    first.advance(10_000);
    const snapshot = first.timer.snapshot();
    first.advance(4_000);
    const second = new Timer(() => 1_000 + 14_000);
    second.restore(snapshot);
    expect(second.state).toBe('running');
    expect(second.elapsed()).toBe(14_000);
  });

  it('reports every state change', () => {
    const { timer } = clocked();
    const states: string[] = [];
    timer.on('change', (state) => states.push(state));
    timer.start();
    timer.start();
    timer.pause();
    timer.reset();
    expect(states).toEqual(['running', 'paused', 'idle']);
  });
});

describe('formatElapsed', () => {
  it('writes H:MM:SS as remark.js does', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(59_999)).toBe('0:00:59');
    expect(formatElapsed(61_000)).toBe('0:01:01');
    expect(formatElapsed(3_600_000 + 25 * 60_000 + 7_000)).toBe('1:25:07');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });
});
