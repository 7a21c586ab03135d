import Type from 'typebox';
import { defineTask } from '../task';

const SEGMENT = 32_768;
const LIST_UP_TO = 10_000;

/** Primes up to √n by a plain sieve; they cross out the segments. */
function smallPrimes(limit: number): number[] {
  const composite = new Uint8Array(limit + 1);
  const primes: number[] = [];
  for (let i = 2; i <= limit; i++) {
    if (composite[i]) continue;
    primes.push(i);
    for (let j = i * i; j <= limit; j += i) composite[j] = 1;
  }
  return primes;
}

export default defineTask({
  name: 'primes',
  title: 'Primzahlen',
  description: `Zählt die Primzahlen unter n (segmentiertes Sieb des Eratosthenes); bis n = ${LIST_UP_TO} auch als Liste.`,
  params: Type.Object(
    { n: Type.Integer({ minimum: 2, maximum: 100_000_000, title: 'Obergrenze n' }) },
    { additionalProperties: false },
  ),
  example: { n: 1_000_000 },
  timeLimitMs: 30_000,
  progress: true,
  run({ n }, progress) {
    const sievingPrimes = smallPrimes(Math.floor(Math.sqrt(n)));
    const segment = new Uint8Array(SEGMENT);
    const listed: number[] = [];
    let count = 0;
    let largest = 0;
    for (let low = 2; low < n; low += SEGMENT) {
      const high = Math.min(low + SEGMENT, n);
      segment.fill(0);
      for (const p of sievingPrimes) {
        if (p * p >= high) break;
        for (let j = Math.max(p * p, Math.ceil(low / p) * p); j < high; j += p) segment[j - low] = 1;
      }
      for (let i = low; i < high; i++) {
        if (segment[i - low]) continue;
        count++;
        largest = i;
        if (n <= LIST_UP_TO) listed.push(i);
      }
      progress(high / n);
    }
    return n <= LIST_UP_TO ? { count, largest, primes: listed } : { count, largest };
  },
});
