import { describe, expect, it } from 'vitest';
import { formatSlideNumber } from '../../../src/viewer/model/slide-number';

describe('formatSlideNumber (R61)', () => {
  it('replaces %current% and %total% (the default format gives "2 / 3")', () => {
    expect(formatSlideNumber('%current% / %total%', 2, 3)).toBe('2 / 3');
    expect(formatSlideNumber('Folie %current% von %total%', 12, 61)).toBe('Folie 12 von 61');
  });

  it('replaces only the first occurrence of each token', () => {
    expect(formatSlideNumber('%current% %current%', 1, 2)).toBe('1 %current%');
  });

  it('gives an empty string for an empty format (the number is hidden)', () => {
    expect(formatSlideNumber('', 1, 2)).toBe('');
  });
});
