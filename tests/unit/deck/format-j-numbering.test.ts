import { describe, expect, it } from 'vitest';
import { compile, slides } from './helpers';

describe('J. Numbering', () => {
  it('R59: index counts displayed slides; number skips layouts, excluded, count: false and (optionally) steps', async () => {
    const result = await slides('layout: true\nL\n---\na\n---\nexclude: true\nx\n---\ncount: false\nb\n---\nc\n--\nd');
    expect(result.map((slide) => [slide.index, slide.number])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('R60: with countIncrementalSlides: false a step keeps the number of its slide unless it sets count', async () => {
    const options = { options: { countIncrementalSlides: false } };
    expect((await slides('a\n--\nb', options)).map((slide) => slide.number)).toEqual([1, 1]);
    expect((await slides('a\n--\ncount: true\nb', options)).map((slide) => slide.number)).toEqual([1, 2]);
    expect((await slides('a\n--\nb')).map((slide) => slide.number)).toEqual([1, 2]);
  });

  it('R61: the slide number format is passed to the viewer; total is the number of the last slide', async () => {
    const { deck } = await compile('a\n---\nb\n---\ncount: false\nc', {
      options: { slideNumberFormat: 'Folie %current%' },
    });
    expect(deck.options.slideNumberFormat).toBe('Folie %current%');
    expect(deck.total).toBe(2);
    expect(deck.slides).toHaveLength(3);
  });
});
