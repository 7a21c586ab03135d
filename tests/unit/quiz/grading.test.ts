import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeNumber, gradeOrdering, shuffled, startingOrder } from '../../../src/quiz/grading';
import { formatDecimal, parseDecimal } from '../../../src/shared/quiz';
import { BANK } from './fixtures';

const [single, multiple, ordering] = BANK.questions;
if (!single || !multiple || !ordering) throw new Error('fixture');

describe('grading', () => {
  it('grades a choice right only when exactly the correct options are ticked', () => {
    expect(gradeChoice(single, new Set(['b']))).toBe('right');
    expect(gradeChoice(single, new Set(['a']))).toBe('wrong');
    expect(gradeChoice(multiple, new Set(['a', 'c']))).toBe('right');
    expect(gradeChoice(multiple, new Set(['a']))).toBe('wrong');
    expect(gradeChoice(multiple, new Set(['a', 'b', 'c']))).toBe('wrong');
  });

  it('grades an ordering right only in the written order', () => {
    expect(gradeOrdering(ordering, ['a', 'b', 'c', 'd'])).toBe('right');
    expect(gradeOrdering(ordering, ['a', 'c', 'b', 'd'])).toBe('wrong');
    expect(gradeOrdering(ordering, ['a', 'b', 'c'])).toBe('wrong');
  });

  it('shuffles to a permutation of the items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer()),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999999, noNaN: true })),
        (items, randoms) => {
          const stream = randoms[Symbol.iterator]();
          const result = shuffled(items, () => stream.next().value as number);
          expect([...result].sort()).toEqual([...items].sort());
        },
      ),
    );
  });

  it('never starts an ordering question already in order, whatever the random numbers', () => {
    for (const value of [0, 0.25, 0.5, 0.999]) {
      const order = startingOrder(ordering, () => value);
      expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(gradeOrdering(ordering, order)).toBe('wrong');
    }
    let n = 0;
    // This sequence leaves the steps where they are; the start order must still differ.
    const identity = [0.99, 0.99, 0.99];
    expect(
      gradeOrdering(
        ordering,
        startingOrder(ordering, () => identity[n++] ?? 0.99),
      ),
    ).toBe('wrong');
  });
});

describe('numbers', () => {
  const question = {
    ...single,
    kind: 'number' as const,
    choices: [],
    expected: { value: 0.5, tolerance: 0.1, unit: 's' },
  };

  it('reads numbers as people type them, and nothing else', () => {
    expect(parseDecimal('0,5')).toBe(0.5);
    expect(parseDecimal('0.5')).toBe(0.5);
    expect(parseDecimal(' ,5 ')).toBe(0.5);
    expect(parseDecimal('1 000 000')).toBe(1_000_000);
    expect(parseDecimal('1.000,5')).toBe(1000.5);
    expect(parseDecimal('−2')).toBe(-2);
    for (const text of ['', '-', '1,2,3', '1e3', 'NaN', 'Infinity', '0x10', '1/2', '3 ms', '1'.repeat(16)]) {
      expect(parseDecimal(text)).toBeNull();
    }
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (value) => {
        expect(parseDecimal(formatDecimal(value))).toBeCloseTo(value, 6);
      }),
    );
  });

  it('grades a number right within the tolerance, edges included', () => {
    expect(gradeNumber(question, 0.5)).toBe('right');
    expect(gradeNumber(question, 0.6)).toBe('right');
    expect(gradeNumber(question, 0.4)).toBe('right');
    expect(gradeNumber(question, 0.61)).toBe('wrong');
    expect(gradeNumber({ ...question, expected: undefined }, 0.5)).toBe('wrong');
  });
});
