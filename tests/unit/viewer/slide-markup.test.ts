import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../src/shared/deck';
import { formatSlideNumber, slideMarkup, slideRegion } from '../../../src/shared/slide-markup';
import { deckOf } from './fixture';

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

describe('slideMarkup', () => {
  const deck = deckOf([
    { number: 1, name: 'titel' },
    { number: 1, continued: true },
  ]);
  const [first, step] = deck.slides as [Slide, Slide];

  it('builds remark.js’s structure with classes, the number and, for the live slide, the name as id', () => {
    const slide = { ...first, classes: ['center', 'middle'] };
    expect(slideMarkup(deck, slide, true)).toBe(
      '<div class="remark-slide"><div class="remark-slide-content center middle" id="slide-titel"><h1>Folie 1</h1><div class="remark-slide-number">1 / 1</div></div></div>',
    );
    expect(slideMarkup(deck, slide, false)).not.toContain('id=');
  });

  it('marks a step as incremental and hides the number for an empty format', () => {
    const hidden = { ...deck, options: { ...deck.options, slideNumberFormat: '' } };
    expect(slideMarkup(hidden, step, true)).toBe(
      '<div class="remark-slide remark-slide-incremental"><div class="remark-slide-content"><h1>Folie 2</h1></div></div>',
    );
  });

  it('sets background-* properties as style and escapes what goes into attributes', () => {
    const slide = {
      ...first,
      name: 'a"b',
      classes: ['x"><script>'],
      properties: { 'background-image': 'url("bild.svg")', class: 'x' },
    };
    const html = slideMarkup(deck, slide, true);
    expect(html).toContain('style="background-image: url(&quot;bild.svg&quot;)"');
    expect(html).toContain('class="remark-slide-content x&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('id="slide-a&quot;b"');
  });
});

describe('slideRegion', () => {
  const deck = deckOf([{ number: 1 }, { number: 2 }]);
  const slide = { ...(deck.slides[1] as Slide), notesHtml: '<p>Notiz</p>' };

  it('is a labelled, focusable region, empty until the viewer builds it', () => {
    expect(slideRegion(deck, slide)).toBe(
      '<section class="remark-slide-container" aria-label="Folie 2 von 2" tabindex="-1"></section>',
    );
  });

  it('holds the scaled slide and its notes when built, and can be the visible one', () => {
    const html = slideRegion(deck, slide, { built: true, visible: true });
    expect(html).toMatch(
      /^<section class="remark-slide-container remark-visible" [^>]*><div class="remark-slide-scaler"><div class="remark-slide">/,
    );
    expect(html).toContain('<div class="remark-slide-notes"><p>Notiz</p></div></section>');
  });
});
