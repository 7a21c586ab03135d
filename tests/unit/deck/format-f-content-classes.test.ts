import { describe, expect, it } from 'vitest';
import { lex } from '../../../src/deck/lexer';
import { compileError, htmls } from './helpers';

describe('F. Content classes', () => {
  it('R37: `.cls[…]` and chained `.a.b[…]`; names start with a letter, `_` or `-`; no space needed before the dot', async () => {
    expect(await htmls('.c1.c2[content]')).toEqual(['<p><span class="c1 c2">content</span></p>']);
    expect(await htmls('.1a[x] ._b[y] .-c[z]')).toEqual([
      '<p>.1a[x] <span class="_b">y</span> <span class="-c">z</span></p>',
    ]);
    expect(await htmls('next.red[*]')).toEqual(['<p>next<span class="red">*</span></p>']);
  });

  it('R37: an inline class holds text: list, heading, quote and rule markers at its start stay text', async () => {
    expect(await htmls('.a[# 1] .b[- x] .c[2. y] .d[> z] .e[***] .f[*kursiv*]')).toEqual([
      '<p><span class="a"># 1</span> <span class="b">- x</span> <span class="c">2. y</span> <span class="d">> z</span> ' +
        '<span class="e">***</span> <span class="f"><em>kursiv</em></span></p>',
    ]);
  });

  it('R38: without a newline inside → <span>, with one → <div>', async () => {
    expect(lex('1 .class[\nx\n] 2').slides[0]!.content[1]).toMatchObject({ block: true });
    expect(lex('1 .class[x] 2').slides[0]!.content[1]).toMatchObject({ block: false });
    expect(await htmls('before .whatever[some _fancy_ content] after')).toEqual([
      '<p>before <span class="whatever">some <em>fancy</em> content</span> after</p>',
    ]);
    expect(await htmls('.left[\n- a\n- b\n]')).toEqual(['<div class="left"><ul>\n<li>a</li>\n<li>b</li>\n</ul></div>']);
  });

  it('R38: a block class never ends up inside a <p>: the paragraph is split around it', async () => {
    expect(await htmls('1 .class[\nx\n] 2')).toEqual(['<p>1 </p><div class="class"><p>x</p></div><p> 2</p>']);
  });

  it('R39: brackets are balanced by counting, so classes nest and links work inside', async () => {
    expect(await htmls('.c1[.c2[x]]')).toEqual(['<p><span class="c1"><span class="c2">x</span></span></p>']);
    expect(await htmls('.c[a [Link](https://example.com) [b]]')).toEqual([
      '<p><span class="c">a <a href="https://example.com">Link</a> [b]</span></p>',
    ]);
  });

  it('R39: the closing `]` is found by counting brackets over the raw text, as remark.js does: a fence line in raw HTML cannot run past it', async () => {
    const source = '.a[\n<pre><code>x\n```</code></pre>\n]\n\n---\n\n```\ncode\n```';
    const result = await htmls(source);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatch(
      /^<div class="a"><pre[^>]*><code class="remark-code"[^>]*>.*x.*```.*<\/code><\/pre><\/div>$/s,
    );
    expect(result[1]).toMatch(
      /^<pre[^>]*><code class="remark-code"[^>]*><span class="line remark-code-line"><span>code<\/span>/,
    );
  });

  it('R39: a closing fence followed by `]` closes the class (the two-column code idiom)', async () => {
    const [html] = await htmls('.a[\n```\nx\n```]\n\n.b[\n```\ny\n```]');
    const columns = Array.from(
      html!.matchAll(/<div class="(\w)"><pre[^>]*><code class="remark-code"[^>]*>(.*?)<\/code><\/pre><\/div>/gs),
    );
    expect(columns.map((match) => [match[1], match[2]!.replace(/<[^>]+>/g, '')])).toEqual([
      ['a', 'x'],
      ['b', 'y'],
    ]);
    expect(html).not.toContain('.b[');
  });

  it('R39: inside a class every `]` counts, in code too (as remark.js); classes and separators in its code stay text', async () => {
    expect(await htmls('.a[`x]` y]')).toEqual(['<p><span class="a">`x</span>` y]</p>']);
    const [html] = await htmls('.a[\n```\n.b[---]\n```\n]');
    expect(html).toContain('.b[---]');
    expect(html).not.toContain('class="b"');
  });

  it('R39: an unclosed `.class[` is an error naming file, slide and line (remark.js leaves it as text and swallows every later separator)', async () => {
    expect(await compileError('a\n---\ntext .class[content\n---\nb')).toBe(
      'slides/test.md:3: Folie 2: „.class[“ wird nicht mit „]“ geschlossen',
    );
    expect(await compileError('1 .class[\n2')).toContain('slides/test.md:1: Folie 1:');
  });

  it('R40: a backslash before the dot prints the construct literally', async () => {
    expect(await htmls('\\.class[content]')).toEqual(['<p>.class[content]</p>']);
  });

  it('R41: code keeps `.x[…]` verbatim: indented, fenced and single-line inline code', async () => {
    const [fenced] = await htmls('```\n.x[a]\n```');
    expect(fenced).toContain('.x[a]');
    expect(fenced).not.toContain('class="x"');
    expect(await htmls('`.x[a]`')).toEqual(['<p><code class="remark-inline-code">.x[a]</code></p>']);
    const [indented] = await htmls('text\n\n    .x[a]');
    expect(indented).toContain('.x[a]');
    expect(indented).not.toContain('class="x"');
  });

  it('R42: prose like `obj.items[0]` outside backticks becomes a span (remark.js behaviour)', async () => {
    expect(await htmls('obj.items[0]')).toEqual(['<p>obj<span class="items">0</span></p>']);
  });

  it('R43: the inside is its own Markdown document; empty paragraphs are removed; macros work inside', async () => {
    expect(await htmls('.a[\n# Titel\n\nText\n]')).toEqual(['<div class="a"><h1>Titel</h1>\n<p>Text</p></div>']);
    expect(await htmls('.a[x]\n\n<p></p>')).toEqual(['<p><span class="a">x</span></p>\n']);
    const [scaled] = await htmls('.mitte[![:scale 50%](bild.svg)]');
    expect(scaled).toBe('<p><span class="mitte"><img src="bild.svg" alt="" style="width: 50%"></span></p>');
    expect(await htmls('<div>\n.a[x]\n</div>')).toEqual(['<div>\n<span class="a">x</span>\n</div>']);
  });

  it('R43: content classes nest 32 deep; deeper is a clear error', async () => {
    expect(await htmls(`${'.a['.repeat(32)}x${']'.repeat(32)}`)).toHaveLength(1);
    expect(await compileError(`${'.a['.repeat(33)}x${']'.repeat(33)}`)).toContain('tiefer als 32 Ebenen');
  });
});
