import { describe, expect, it } from 'vitest';
import { compile, htmls } from './helpers';

describe('H. Markdown dialect, HTML, escaping', () => {
  it('R49: GFM (tables, strikethrough, autolinks) and raw HTML, inline and block, pass through', async () => {
    const [html] = await htmls(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ <br> <b>fett</b>\n\n<div class="x">roh</div>',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<del>alt</del> <br> <b>fett</b>');
    expect(html).toContain('<div class="x">roh</div>');
  });

  it('R50: underscores in formulas need no escaping, `\\_` still works; `#Titel` without a space is text; headings get no id', async () => {
    expect(await htmls('$a_1$ und $b_2$, x\\_1')).toEqual(['<p>$a_1$ und $b_2$, x_1</p>']);
    expect(await htmls('#remark\n\n# Titel')).toEqual(['<p>#remark</p>\n<h1>Titel</h1>']);
  });

  it('R51: link reference definitions are removed from the slide and shared by all slides, ids in any case', async () => {
    const { deck } = await compile('[Link][ID] und [zwei]\n---\n[id]: https://example.com "Titel"\n[Zwei]: /b\n\nText');
    expect(deck.slides.map((slide) => slide.html)).toEqual([
      '<p><a href="https://example.com" title="Titel">Link</a> und <a href="/b">zwei</a></p>',
      '<p>Text</p>',
    ]);
  });

  it('R51: footnote definitions stay GFM footnotes, not shared link definitions', async () => {
    const [html] = await htmls('Satz[^1]\n\n[^1]: Fußnote');
    expect(html).toContain('Fußnote');
    expect(html).toContain('data-footnote-ref');
  });

  it('R52: remark escapes: `\\.cls[` and `\\{{` print literally; other backslashes follow Markdown', async () => {
    expect(await htmls('a: 1\n\n\\.cls[x] \\{{a}} \\*nicht kursiv\\*')).toEqual([
      '<p>.cls[x] {{a}} *nicht kursiv*</p>',
    ]);
  });
});
