import { describe, expect, it } from 'vitest';
import { touchMove } from '../../../src/viewer/model/swipe';
import { WheelGesture } from '../../../src/viewer/model/wheel-gesture';

describe('WheelGesture', () => {
  it('moves once for a trackpad swipe with its long inertia tail', () => {
    const gesture = new WheelGesture(180);
    const steps: number[] = [];
    // 60 events 16 ms apart with decaying deltas: one swipe, about a second long.
    for (let i = 0; i < 60; i++) steps.push(gesture.step(0, 120 * 0.93 ** i + 0.5, 1000 + i * 16));
    expect(steps.filter((s) => s !== 0)).toEqual([1]);
  });

  it('moves again once the wheel has been quiet, in the direction of the new gesture', () => {
    const gesture = new WheelGesture(180);
    expect(gesture.step(0, 100, 0)).toBe(1);
    expect(gesture.step(0, 100, 100)).toBe(0);
    expect(gesture.step(0, 100, 400)).toBe(1);
    expect(gesture.step(0, -100, 800)).toBe(-1);
  });

  it('starts a new gesture when the direction reverses, even without a pause', () => {
    const gesture = new WheelGesture(180);
    expect(gesture.step(0, 80, 0)).toBe(1);
    expect(gesture.step(0, -80, 20)).toBe(-1);
  });

  it('follows the dominant axis and ignores empty events', () => {
    const gesture = new WheelGesture(180);
    expect(gesture.step(90, 10, 0)).toBe(1);
    expect(gesture.step(0, 0, 500)).toBe(0);
    expect(gesture.step(-90, 5, 1000)).toBe(-1);
  });
});

describe('touchMove (R69)', () => {
  const width = 400;
  it('reads a swipe to the left as next and to the right as previous', () => {
    expect(touchMove({ x: 300, y: 200 }, { x: 120, y: 220 }, width)).toBe('next');
    expect(touchMove({ x: 100, y: 200 }, { x: 300, y: 190 }, width)).toBe('previous');
  });

  it('reads a tap by the half of the screen it lands on', () => {
    expect(touchMove({ x: 350, y: 100 }, { x: 352, y: 101 }, width)).toBe('next');
    expect(touchMove({ x: 50, y: 100 }, { x: 48, y: 100 }, width)).toBe('previous');
  });

  it('leaves mostly vertical and in-between moves alone', () => {
    expect(touchMove({ x: 200, y: 100 }, { x: 150, y: 300 }, width)).toBeNull();
    expect(touchMove({ x: 200, y: 100 }, { x: 175, y: 100 }, width)).toBeNull();
  });
});
