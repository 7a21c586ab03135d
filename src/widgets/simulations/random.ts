/** Seeded randomness for the simulations: the same seed gives the same numbers in every browser. */

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max] from a generator. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * A 32-bit hash of a text, as a load-balancer or a ring applies to a key: FNV-1a, then
 * MurmurHash3's final mix, so that similar keys (10.0.0.7, 10.0.0.8) land far apart.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The step a caller asked for, kept within 0 … steps − 1 (a bad attribute never breaks the picture). */
export function clampStep(step: number, steps: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.min(steps - 1, Math.max(0, Math.trunc(step)));
}
