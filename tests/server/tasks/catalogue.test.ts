import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TASKS } from '../../../src/server/tasks/catalogue/index';
import { HttpError } from '../../../src/server/kit/errors';
import { UnknownTaskError } from '../../../src/server/tasks/errors';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';

const catalogue = new Catalogue(BUILTIN_TASKS);
const noProgress = () => undefined;

function run(name: string, params: unknown): unknown {
  const task = catalogue.check(name, params);
  return task.run(params, noProgress);
}

function naivePrimeCount(n: number): number {
  let count = 0;
  for (let candidate = 2; candidate < n; candidate++) {
    let prime = true;
    for (let divisor = 2; divisor * divisor <= candidate; divisor++) {
      if (candidate % divisor === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

describe('task catalogue', () => {
  it('answers the seed client: sum and multiplication of [1, 2, 3, 4]', () => {
    expect(run('sum', [1, 2, 3, 4])).toBe(10);
    expect(run('multiplication', [1, 2, 3, 4])).toBe(24);
  });

  it('refuses a product beyond the floating-point range instead of answering Infinity', () => {
    expect(() => run('multiplication', Array(30).fill(1e15))).toThrow(/zu groß/);
  });

  it('counts primes below n like trial division does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 70_000 }), (n) => {
        expect((run('primes', { n }) as { count: number }).count).toBe(naivePrimeCount(n));
      }),
      { numRuns: 25 },
    );
    expect(run('primes', { n: 1_000_000 })).toEqual({ count: 78_498, largest: 999_983 });
    expect(run('primes', { n: 30 })).toEqual({ count: 10, largest: 29, primes: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29] });
  });

  it('computes π digit by digit, each longer run extending the shorter one', () => {
    expect(run('pi', { digits: 50 })).toBe('3.14159265358979323846264338327950288419716939937510');
    const long = run('pi', { digits: 1_000 }) as string;
    expect(long).toHaveLength(1_002);
    expect(long.startsWith(run('pi', { digits: 300 }) as string)).toBe(true);
    expect(long.endsWith('92164201989')).toBe(true);
  });

  it('computes Fibonacci numbers beyond 2^53 exactly, as strings', () => {
    expect(run('fibonacci', { n: 0 })).toBe('0');
    expect(run('fibonacci', { n: 1 })).toBe('1');
    expect(run('fibonacci', { n: 100 })).toBe('354224848179261915075');
    const [a, b, c] = [998, 999, 1_000].map((n) => BigInt(run('fibonacci', { n }) as string));
    expect(c).toBe(a! + b!);
  });

  it('chains SHA-256: the first round hashes the text, every further one the previous digest', () => {
    const first = createHash('sha256').update('Verteilte Systeme').digest();
    const second = createHash('sha256').update(first).digest('hex');
    expect(run('hash', { text: 'Verteilte Systeme', iterations: 1 })).toBe(first.toString('hex'));
    expect(run('hash', { text: 'Verteilte Systeme', iterations: 2 })).toBe(second);
  });

  it('sorts numbers ascending', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e15, max: 1e15, noNaN: true }), { maxLength: 200 }), (numbers) => {
        expect(run('sort', numbers)).toEqual([...numbers].sort((a, b) => a - b));
      }),
    );
  });

  it('reports progress between 0 and 1 for long tasks', async () => {
    const seen: number[] = [];
    const task = catalogue.check('primes', { n: 2_000_000 });
    task.run({ n: 2_000_000 }, (fraction) => seen.push(fraction));
    expect(seen.length).toBeGreaterThan(10);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('accepts every task’s own example and describes every task for the form', () => {
    for (const task of BUILTIN_TASKS) expect(() => catalogue.check(task.name, task.example)).not.toThrow();
    const described = catalogue.describe(256);
    expect(described.map((task) => task.name)).toEqual([
      'sum',
      'multiplication',
      'primes',
      'pi',
      'fibonacci',
      'hash',
      'sort',
      'sleep',
      'counter',
    ]);
    expect(described.find((task) => task.name === 'primes')).toMatchObject({
      params: { type: 'object', properties: { n: { type: 'integer', maximum: 100_000_000 } } },
      limits: { timeMs: 30_000, memoryMb: 256 },
      progress: true,
    });
  });

  it('names the unknown task and lists the known ones', () => {
    const error = (() => {
      try {
        catalogue.check('fft', []);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(UnknownTaskError);
    expect((error as UnknownTaskError).details.tasks).toContain('sum');
  });

  it.each([
    ['sum', [1, '2'], 'params[1]', undefined],
    ['sum', Array(10_001).fill(1), 'params', 10_000],
    ['primes', { n: 1e9 }, 'params.n', 100_000_000],
    ['primes', { n: 2.5 }, 'params.n', undefined],
    ['primes', {}, 'params.n', undefined],
    ['hash', { text: 'x'.repeat(10_001), iterations: 1 }, 'params.text', 10_000],
    ['sleep', JSON.parse('{"ms": 5, "__proto__": {"polluted": true}}'), 'params.__proto__', undefined],
  ])('rejects bad parameters of %s, naming the field (case %#)', (task, params, field, limit) => {
    try {
      catalogue.check(task, params);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(400);
      expect((error as HttpError).details).toEqual(limit === undefined ? { field } : { field, limit });
      expect((error as Error).message).toContain(field);
    }
  });
});
