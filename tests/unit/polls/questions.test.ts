import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/server/kit/errors';
import { canonicalAnswer, results, startingOrder } from '../../../src/server/polls/questions';
import { slidePolls } from '../../../src/shared/polls';
import { BANK } from '../../fixtures/poll-bank';

const [single, multiple, ordering, word] = BANK.questions as [
  (typeof BANK.questions)[0],
  (typeof BANK.questions)[0],
  (typeof BANK.questions)[0],
  (typeof BANK.questions)[0],
];

describe('poll answers', () => {
  it('stores choices in the author’s order and words normalised', () => {
    expect(canonicalAnswer(single, 'b')).toBe('b');
    expect(canonicalAnswer(multiple, ['d', 'a'])).toBe('a,d');
    expect(canonicalAnswer(ordering, ['b', 'a', 'd', 'c'])).toBe('b,a,d,c');
    expect(canonicalAnswer(word, '  Broker ')).toBe('broker');
    expect(canonicalAnswer(word, 'Load   Balancer')).toBe('load balancer');
  });

  it('refuses anything that does not fit the question, with a 400 naming the field', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 6 })), (answer) => {
        for (const question of [single, multiple, ordering]) {
          try {
            const stored = canonicalAnswer(question, answer);
            const ids = question.choices.map((choice) => choice.id);
            expect(
              stored
                .split(',')
                .filter(Boolean)
                .every((id) => ids.includes(id)),
            ).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(HttpError);
            expect((error as HttpError).statusCode).toBe(400);
            expect((error as HttpError).details.field).toBe('body.answer');
          }
        }
      }),
    );
  });

  it('counts multiple choice per option, and cuts rare words to „other“', () => {
    expect(
      results(multiple, [
        { answer: 'a,c', count: 3 },
        { answer: '', count: 1 },
        { answer: 'c', count: 2 },
      ]),
    ).toEqual({
      voters: 6,
      bars: [
        { key: 'a', count: 3 },
        { key: 'b', count: 0 },
        { key: 'c', count: 5 },
        { key: 'd', count: 0 },
      ],
      other: 0,
    });
    const words = Array.from({ length: 25 }, (_, i) => ({
      answer: `wort${String(i).padStart(2, '0')}`,
      count: 25 - i,
    }));
    const counted = results(word, words);
    expect(counted.bars).toHaveLength(20);
    expect(counted.bars[0]).toEqual({ key: 'wort00', count: 25 });
    expect(counted.other).toBe(5 + 4 + 3 + 2 + 1);
  });

  it('never starts an ordering poll in the right order, and starts it the same way for one poll', () => {
    for (let i = 0; i < 200; i++) {
      const order = startingOrder(ordering, `poll-${i}`);
      expect(order).not.toEqual(['a', 'b', 'c', 'd']);
      expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(startingOrder(ordering, `poll-${i}`)).toEqual(order);
    }
  });

  it('reads a slide’s poll: property as a list of question ids', () => {
    expect(slidePolls({ poll: 'a, b ,a,' })).toEqual(['a', 'b']);
    expect(slidePolls({})).toEqual([]);
  });
});
