import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lex } from '../../../src/deck/lexer';
import { loadDeck } from '../../../src/deck/load';
import { renderDeckPage } from '../../../src/deck/page';
import { normalizeSource } from '../../../src/deck/source';
import { compile, htmls, slides } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'vs-deck-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('A. Source loading and pre-processing', () => {
  it('R1: a deck file with LF and one with CRLF line ends both give the slides a and b', async () => {
    for (const [name, text] of [
      ['lf.md', 'a\n---\nb\n'],
      ['crlf.md', 'a\r\n---\r\nb\r\n'],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, text);
      const { deck } = await loadDeck(path, { root: dir });
      expect(deck.slides.map((slide) => slide.html)).toEqual(['<p>a</p>', '<p>b</p>']);
    }
  });

  it('R2: the deck is compiled into its page, so the browser never fetches the .md (works from any origin)', async () => {
    const { deck } = await compile('# Titel\n---\nzwei');
    const page = renderDeckPage('<title><!--deck-title--></title><!--deck-first-slide--><!--deck-data-->', deck);
    expect(page).toContain('<script type="application/json" id="deck-data">');
    expect(page).toContain('\\u003ch1\\u003eTitel\\u003c/h1\\u003e');
    // The first slide is in the page as markup, so it shows before any script runs.
    expect(page).toContain('<h1>Titel</h1>');
    expect(page).not.toContain('.md');
  });

  it('R3: the common indentation of all non-blank lines is removed; deeper indentation survives', async () => {
    expect(await htmls('      1\n      ---\n      2')).toEqual(['<p>1</p>', '<p>2</p>']);
    expect(normalizeSource('  a\n\n      code')).toBe('a\n\n    code');
    const [html] = await htmls('  Text\n\n      code');
    expect(html).toContain('<pre');
    expect(html).toContain('code</span></span></code></pre>');
  });

  it('R4: every CR and CRLF is normalised (not only the first), and a BOM is dropped', async () => {
    expect(normalizeSource('\uFEFFa\r\nb\rc\r\n')).toBe('a\nb\nc\n');
    expect(await htmls('a\r\n---\r\nb\r\n---\rc')).toEqual(['<p>a</p>', '<p>b</p>', '<p>c</p>']);
  });

  it('R5: an empty source yields exactly one slide with empty content', async () => {
    expect(lex('').slides).toHaveLength(1);
    const result = await slides('');
    expect(result).toHaveLength(1);
    expect(result[0]!.html).toBe('');
  });

  it('R6: `</textarea>` and `</script>` may appear literally; the page data cannot end its <script>', async () => {
    const { deck } = await compile('`</textarea>` and `</script>`');
    expect(deck.slides[0]!.html).toContain('&#x3C;/textarea>');
    const page = renderDeckPage('<!--deck-title--><!--deck-first-slide--><!--deck-data-->', deck);
    // Two scripts end: the first slide's inline one, and the deck data, which nothing cuts short.
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const data = /<script type="application\/json" id="deck-data">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(JSON.parse(data)).toEqual(JSON.parse(JSON.stringify(deck)));
  });
});
