import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../src/server/kit/errors';
import { canonicalAnswer, numberBars, results, startingOrder } from '../../../src/server/polls/questions';
import {
  answerIsRight,
  barIsRight,
  MAX_NUMBER_BARS,
  numberLabel,
  numberRange,
  slidePolls,
} from '../../../src/shared/polls';
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

describe('number polls', () => {
  const zahl = BANK.questions.find((question) => question.id === 'zahl') as (typeof BANK.questions)[0];

  it('stores a number as typed with a decimal comma or point in one form, and refuses anything else', () => {
    expect(canonicalAnswer(zahl, '0,5')).toBe('0.5');
    expect(canonicalAnswer(zahl, ' .5 ')).toBe('0.5');
    expect(canonicalAnswer(zahl, '1.000,25')).toBe('1000.25');
    expect(canonicalAnswer(zahl, '−3')).toBe('-3');
    for (const answer of ['', 'drei', '1e3', '0,5,1', 'Infinity', ['0.5'], '1'.repeat(20)]) {
      expect(() => canonicalAnswer(zahl, answer)).toThrow(HttpError);
    }
  });

  it('shows few values each as a bar in ascending order', () => {
    expect(
      results(zahl, [
        { answer: '3', count: 2 },
        { answer: '0.5', count: 5 },
      ]),
    ).toEqual({
      voters: 7,
      bars: [
        { key: '0.5', count: 5 },
        { key: '3', count: 2 },
      ],
      other: 0,
    });
  });

  it('bins many values into round ranges over the middle of the votes; a far-off typo counts as „other“', () => {
    const counts = Array.from({ length: 40 }, (_, i) => ({ answer: String(0.3 + i * 0.01), count: 5 }));
    counts.push({ answer: '5000', count: 1 });
    const counted = numberBars(counts);
    expect(counted.bars.length).toBeLessThanOrEqual(MAX_NUMBER_BARS);
    const widths = counted.bars.map(({ key }) => numberRange(key)).map(({ from, to }) => (to ?? from) - from);
    expect(new Set(widths.map((width) => width.toFixed(6))).size).toBe(1);
    expect([0.01, 0.02, 0.05, 0.1]).toContain(Number(widths[0]?.toFixed(6)));
    const inBars = counted.bars.reduce((sum, { count }) => sum + count, 0);
    expect(inBars + counted.other).toBe(201);
    expect(counted.other).toBeGreaterThanOrEqual(1);
    expect(inBars).toBeGreaterThanOrEqual(180);
  });

  it('keeps every vote in a bar or in „other“, for any values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ answer: fc.double({ min: -1e6, max: 1e6, noNaN: true }), count: fc.integer({ min: 1, max: 9 }) }),
          {
            maxLength: 60,
          },
        ),
        (raw) => {
          const counts = [...new Map(raw.map(({ answer, count }) => [String(answer), count]))].map(
            ([answer, count]) => ({
              answer,
              count,
            }),
          );
          const { bars, other } = numberBars(counts);
          const total = counts.reduce((sum, { count }) => sum + count, 0);
          expect(bars.reduce((sum, { count }) => sum + count, 0) + other).toBe(total);
          expect(bars.length).toBeLessThanOrEqual(MAX_NUMBER_BARS);
        },
      ),
    );
  });

  it('marks the bar that holds the right value, within its tolerance', () => {
    expect(barIsRight('number', '0.55', ['0.5'], 0.1)).toBe(true);
    expect(barIsRight('number', '0.7', ['0.5'], 0.1)).toBe(false);
    expect(barIsRight('number', '0.4..0.45', ['0.5'], 0.1)).toBe(true);
    expect(barIsRight('number', '0.6..0.7', ['0.5'], 0)).toBe(false);
    expect(barIsRight('number', '0.5..0.6', ['0.5'], 0)).toBe(true);
    expect(barIsRight('number', '0.4..0.5', ['0.5'], 0)).toBe(false);
    expect(
      answerIsRight('number', '0.59', { correct: ['0.5'], tolerance: 0.1, answerHtml: '', explanationHtml: '' }),
    ).toBe(true);
    expect(answerIsRight('multiple', ['c', 'a'], { correct: ['a', 'c'], answerHtml: '', explanationHtml: '' })).toBe(
      true,
    );
    expect(numberLabel('0.4..0.45', 's')).toBe('0,4 bis unter 0,45 s');
  });
});
