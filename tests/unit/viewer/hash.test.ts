import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/viewer/model/hash';
import { sample } from './fixture';

describe('parseHash (R71)', () => {
  it('reads N as the N-th displayed slide, not the slide number', () => {
    expect(parseHash('3', sample)).toEqual({ index: 2, presenter: false, known: true });
    expect(parseHash('4', sample)).toEqual({ index: 3, presenter: false, known: true });
  });

  it('reads pN as that slide in presenter view', () => {
    expect(parseHash('p2', sample)).toEqual({ index: 1, presenter: true, known: true });
  });

  it('reads a name as the named slide', () => {
    expect(parseHash('schluss', sample)).toEqual({ index: 3, presenter: false, known: true });
    expect(parseHash('mitte', sample).index).toBe(1);
  });

  it('reads no hash as the first slide', () => {
    expect(parseHash('', sample)).toEqual({ index: 0, presenter: false, known: true });
  });

  it('falls back to the first slide for unknown, out-of-range and non-canonical hashes, marked as not known', () => {
    for (const hash of ['0', '02', '5', 'p9', '9999', 'nirgends', 'nonexistent', '1x', '%E0']) {
      expect(parseHash(hash, sample), hash).toEqual({ index: 0, presenter: false, known: false });
    }
  });
});

describe('formatHash (R72)', () => {
  it('writes index + 1, with p in presenter view', () => {
    expect(formatHash({ index: 0, presenter: false })).toBe('1');
    expect(formatHash({ index: 11, presenter: true })).toBe('p12');
  });

  it('round-trips every slide', () => {
    for (const slide of sample.slides) {
      for (const presenter of [false, true]) {
        expect(parseHash(formatHash({ index: slide.index, presenter }), sample)).toEqual({
          index: slide.index,
          presenter,
          known: true,
        });
      }
    }
  });
});
