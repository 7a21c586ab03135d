import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeOrdering, shuffled, startingOrder } from '../../../src/quiz/grading';
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
