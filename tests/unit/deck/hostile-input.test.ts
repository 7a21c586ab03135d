import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/deck/diagnostics';
import { compile } from './helpers';

/** A Deck or a DeckError: anything else (a crash, a TypeError) fails the test. */
async function outcome(source: string): Promise<'deck' | 'error'> {
  try {
    const { deck } = await compile(source);
    expect(deck.slides.length).toBeGreaterThan(0);
    return 'deck';
  } catch (error) {
    if (error instanceof DeckError) return 'error';
    throw error;
  }
}

async function problem(source: string): Promise<string> {
  try {
    await compile(source);
  } catch (error) {
    if (error instanceof DeckError) return error.message;
    throw error;
  }
  throw new Error('expected a DeckError');
}

const TOKENS = [
  '---',
  '--',
  '???',
  '<!-- break -->',
  '.a[',
  '.b.c[',
  ']',
  '[',
  '\\',
  '`',
  '``',
  '```',
  '```js',
  '~~~',
  '    ',
  '![:scale 50%](x.svg)',
  '![:scale 50%, Abb. 1: x](y.svg)',
  '![:demo task mode=job]()',
  '![:demo',
  '![:',
  '{{a}}',
  '\\{{a}}',
  '{{content}}',
  'name: a',
  'template: a',
  'layout: true',
  'layout: false',
  'count: false',
  'exclude: true',
  'class: x, y',
  '<!-- class: z -->',
  '[id]: http://x',
  '[l][id]',
  '<div>',
  '</div>',
  '<br>',
  '*',
  '_',
  '# ',
  '- ',
  '1. ',
  '> ',
  '|a|b|',
  '|-|-|',
  '\0',
  '\r',
  '\r\n',
  '\uFEFF',
  '\uE000',
  '\uE001',
  'ä',
  '😀',
  'text',
  ' ',
  '\n',
  '\n\n',
];

describe('hostile input', () => {
  it('rejects a 1 MB deck with a clear error before parsing it', async () => {
    const slide = '# Titel\n\n- Punkt .rot[eins]\n- `code` und **fett**\n\n```js\nconst x = 1;\n```\n\n???\nNotiz\n';
    const source = Array.from({ length: Math.ceil(1_000_000 / (slide.length + 5)) }, () => slide).join('\n---\n');
    expect(source.length).toBeGreaterThan(1_000_000);
    expect(await problem(source)).toMatch(
      /^slides\/test\.md: Der Foliensatz ist mit 1\.\d{3}\.\d{3} Zeichen zu groß \(höchstens 500\.000\)/,
    );
  });

  it('rejects a 100,000-character line as a slide that is too large, naming its line', async () => {
    expect(await problem(`# A\n---\n${'x'.repeat(100_000)}`)).toBe(
      'slides/test.md:3: Folie 2: Die Folie ist mit 100.000 Zeichen zu groß (höchstens 20.000)',
    );
  });

  it('rejects too many slides and steps that add up to too much', async () => {
    expect(await problem('a\n--\n'.repeat(1_001))).toContain('1.002 Folien (höchstens 1.000)');
    expect(await problem(`${'x'.repeat(19_000)}\n${'--\n'.repeat(200)}`)).toContain('mehr als 2.000.000 Zeichen');
  });

  it('compiles long lines of tricky constructs below the limits', async () => {
    expect(await outcome('x'.repeat(19_000))).toBe('deck');
    expect(await outcome(`\`\`\`js\n${'a+'.repeat(9_000)}\n\`\`\``)).toBe('deck');
    expect(await outcome(`.a[${'[x]'.repeat(1_000)}]`)).toBe('deck');
    expect(await outcome('`a``'.repeat(1_000))).toBe('deck');
    expect(await outcome('.a'.repeat(9_000))).toBe('deck');
    expect(await outcome('<!-- a:'.repeat(2_500))).toBe('deck');
  });

  it('rejects 10,000 nested `.a[` with a clear error, closed or not', async () => {
    expect(await outcome('.a['.repeat(10_000))).toBe('error');
    expect(await outcome(`${'.a['.repeat(10_000)}x${']'.repeat(10_000)}`)).toBe('error');
  });

  it('handles unbalanced brackets, NUL bytes, CRLF and a BOM', async () => {
    expect(await outcome(']]]][[[[ .a[x]] ]')).toBe('deck');
    expect(await outcome('.a[x [y]')).toBe('error');
    const { deck } = await compile('\uFEFFa\0b\r\n---\r\nc');
    expect(deck.slides.map((slide) => slide.html)).toEqual(['<p>a\uFFFDb</p>', '<p>c</p>']);
  });

  it('rejects deep nesting before parsing, naming file, slide and line: 3,000 `>`, 1,500 nested `- `, 2,000 nested `*_`', async () => {
    expect(await problem(`# A\n---\nText\n\n${'>'.repeat(3_000)} x`)).toBe(
      'slides/test.md:5: Folie 2: Listen und Zitate sind hier 3000 Ebenen tief verschachtelt (höchstens 32)',
    );
    expect(await problem(`${'- '.repeat(1_500)}x`)).toBe(
      'slides/test.md:1: Folie 1: Listen und Zitate sind hier 1500 Ebenen tief verschachtelt (höchstens 32)',
    );
    const staircase = Array.from({ length: 40 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n');
    expect(await problem(staircase)).toMatch(/^slides\/test\.md:\d+: Folie 1: Listen und Zitate sind hier 3\d Ebenen/);
    expect(await problem(`${'*_'.repeat(2_000)}x${'_*'.repeat(2_000)}`)).toBe(
      'slides/test.md:1: Folie 1: Mehr als 200 Folgen von „*“, „_“ oder „~“ in einem Absatz',
    );
    expect(await problem(`${'['.repeat(5_000)}x${']'.repeat(5_000)}`)).toContain('eckige Klammern');
    expect(await problem('<b>'.repeat(5_000))).toContain('HTML-Elemente sind mehr als 32 Ebenen');
  });

  it('bounds the content classes of a slide and the formulas of a deck, each costing a conversion of its own', async () => {
    expect(await problem(`# A\n---\n${'.a[x] '.repeat(301)}`)).toBe(
      'slides/test.md:3: Folie 2: Die Folie hat 301 Inhaltsklassen „.x[…]“ (höchstens 300)',
    );
    expect(await problem(Array.from({ length: 11 }, () => '$x$ '.repeat(200)).join('\n---\n'))).toMatch(
      /Folie 11: Die Folien ergeben zusammen mit ihren Schritten mehr als 2\.000 Formeln; bitte aufteilen$/,
    );
  });

  it('counts nesting after templates and variables are filled in', async () => {
    expect(await problem(`x: ${'['.repeat(100)}\n\n{{x}}`)).toContain('eckige Klammern');
    expect(await problem(`layout: true\n${'> '.repeat(20)}{{content}}\n---\n${'> '.repeat(20)}x`)).toContain(
      'Ebenen tief verschachtelt',
    );
  });

  it('no nesting overflows the stack: generated `>`, `- `, `*_`, `.a[`, `[`, HTML and mixes give a deck or a DeckError', async () => {
    const level = fc.constantFrom(
      { open: '> ', close: '' },
      { open: '- ', close: '' },
      { open: '1. ', close: '' },
      { open: '*_', close: '_*' },
      { open: '.a[', close: ']' },
      { open: '[', close: '](x)' },
      { open: '![', close: '](x.svg)' },
      { open: '<div>', close: '</div>' },
      { open: '<b>', close: '</b>' },
      { open: '~~', close: '~~' },
    );
    const layout = fc.constantFrom('inline', 'lines', 'staircase');
    await fc.assert(
      fc.asyncProperty(
        fc.array(level, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3_000 }),
        layout,
        async (kinds, depth, shape) => {
          const levels = Array.from({ length: depth }, (_, i) => kinds[i % kinds.length]!);
          const separator = (i: number): string =>
            shape === 'inline' ? '' : shape === 'lines' ? '\n' : `\n${'  '.repeat(i)}`;
          const source =
            levels.map((entry, i) => `${separator(i)}${entry.open}`).join('') +
            'x' +
            levels
              .map((entry) => entry.close)
              .reverse()
              .join('');
          if (source.length > 20_000) return;
          await outcome(source);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('drops `javascript:` links and images with a warning naming the line; raw HTML stays the author’s', async () => {
    const { deck, warnings } = await compile(
      '# A\n\n[klick](javascript:alert(1)) ![b](JaVaScRiPt:x) <javascript:alert(2)> [r][böse]\n\n[böse]: javascript:alert(3)\n\n<a href="javascript:void(0)">roh</a>',
    );
    const html = deck.slides[0]!.html;
    expect(html).toContain('<p>klick b javascript:alert(2) [r][böse]</p>');
    expect(html.match(/javascript:/gi)).toEqual(['javascript:', 'javascript:']);
    expect(html).toContain('<a href="javascript:void(0)">roh</a>');
    expect(warnings.map((warning) => [warning.line, warning.message.slice(0, 40)])).toEqual([
      [5, 'Linkziel „[böse]“ mit der Adresse „javas'],
      [3, 'Link mit der Adresse „javascript:alert(1'],
      [3, 'Bild mit der Adresse „JaVaScRiPt:x“ entf'],
      [3, 'Link mit der Adresse „javascript:alert(2'],
    ]);
  });

  it('any mix of format tokens yields a deck or a DeckError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })), { maxLength: 60 }),
        async (tokens) => {
          await outcome(tokens.join(''));
        },
      ),
      { numRuns: 150 },
    );
  });
});
