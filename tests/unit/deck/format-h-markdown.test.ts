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

  it('R49: a tag of a known element with sloppy attributes is HTML, as the browser reads it under remark.js', async () => {
    expect(await htmls('<img src="x.png" , width="100px">')).toEqual(['<img src="x.png" width="100px">']);
    expect(await htmls('Bild <img src=x.png; width=100> und <a href=seite.html?a=1&b=2>Link</a>')).toEqual([
      '<p>Bild <img src="x.png;" width="100"> und <a href="seite.html?a=1&#x26;b=2">Link</a></p>',
    ]);
    expect(await htmls('`<img src="x.png" , width="1">` a < b > c <T , U>')).toEqual([
      '<p><code class="remark-inline-code">&#x3C;img src="x.png" , width="1"></code> a &#x3C; b > c &#x3C;T , U></p>',
    ]);
  });

  it('R50: underscores need no escaping, `\\_` still works; headings get no id', async () => {
    expect(await htmls('a_1 und b_2, x\\_1')).toEqual(['<p>a_1 und b_2, x_1</p>']);
    expect(await htmls('# Titel')).toEqual(['<h1>Titel</h1>']);
  });

  it('R50: `#Titel` without a space stays text (CommonMark), and `deck check` warns with the line and the fix', async () => {
    const { deck, warnings } = await compile('a\n---\n#remark\n\n`#x`\n\n```\n#include\n```\n\n\\#tag\n???\n##Notiz');
    expect(deck.slides[1]!.html).toContain('<p>#remark</p>');
    expect(warnings.map((warning) => [warning.line, warning.slide, warning.message])).toEqual([
      [
        3,
        2,
        '„#remark“ ist ohne Leerzeichen keine Überschrift (in remark.js schon): „# remark“ schreiben, oder „\\#remark“ für Text',
      ],
      [
        13,
        2,
        '„##Notiz“ ist ohne Leerzeichen keine Überschrift (in remark.js schon): „## Notiz“ schreiben, oder „\\##Notiz“ für Text',
      ],
    ]);
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
