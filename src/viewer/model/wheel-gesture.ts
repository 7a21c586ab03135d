/**
 * Turns a stream of wheel events into slide moves: one gesture (a trackpad swipe with its
 * inertia tail, or a burst of wheel notches) moves one slide. A gesture ends after `quietMs`
 * without events; a reversal of direction starts a new one.
 */
export class WheelGesture {
  #lastTime = Number.NEGATIVE_INFINITY;
  #direction = 0;

  constructor(private readonly quietMs = 180) {}

  /** +1 next, -1 previous, 0 nothing. `time` in ms, as `event.timeStamp`. */
  step(deltaX: number, deltaY: number, time: number): -1 | 0 | 1 {
    const delta = Math.abs(deltaY) >= Math.abs(deltaX) ? deltaY : deltaX;
    const direction = delta > 0 ? 1 : delta < 0 ? -1 : 0;
    const continues = time - this.#lastTime < this.quietMs && (direction === 0 || direction === this.#direction);
    this.#lastTime = time;
    if (continues || direction === 0) return 0;
    this.#direction = direction;
    return direction;
  }
}
