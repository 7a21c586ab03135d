export interface Point {
  x: number;
  y: number;
}

/** A horizontal move at least this long (CSS px) is a swipe. */
const SWIPE_MIN = 40;
/** A move at most this long is a tap. */
const TAP_MAX = 10;

/**
 * remark.js's touch rules: a swipe to the left shows the next slide, to the right the
 * previous one; a tap on the right half goes forward, on the left half back. Mostly vertical
 * moves are left to the page.
 */
export function touchMove(start: Point, end: Point, width: number): 'next' | 'previous' | null {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  if (Math.abs(dx) >= SWIPE_MIN && Math.abs(dx) > Math.abs(dy)) return dx < 0 ? 'next' : 'previous';
  if (Math.abs(dx) <= TAP_MAX && Math.abs(dy) <= TAP_MAX) return end.x < width / 2 ? 'previous' : 'next';
  return null;
}
