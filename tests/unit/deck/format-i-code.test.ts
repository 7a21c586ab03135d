import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/deck/options';
import { htmls } from './helpers';

const lines = (html: string): string[] =>
  Array.from(
    html.matchAll(/<span class="(line[^"]*)">(.*?)<\/span>(?=\n|<\/code>)/g),
    (match) => `${match[1]}|${match[2]!.replace(/<[^>]+>/g, '')}`,
  );

describe('I. Code', () => {
  it('R53: the fence language is the code class and is highlighted at build time; no language → plain', async () => {
    const [html] = await htmls('```js\nconst a = 1;\n```\n\n```\nconst b = 2;\n```');
    const [js, plain] = html!.split('</pre>');
    expect(js).toContain(
      '<code class="remark-code language-js" style="background-color:light-dark(#ffffff, #0a0c10);color:light-dark(#0e1116, #f0f3f6)">',
    );
    expect(js).toMatch(/<span style="color:light-dark\(#[0-9A-F]{6}, #[0-9A-F]{6}\)">const<\/span>/);
    expect(plain).toContain('<code class="remark-code" style=');
    expect(plain).not.toMatch(/<span style="color/);
  });

  it('R53: highlightLanguage sets the language of blocks without one; indented code has none', async () => {
    const [html] = await htmls('```\nconst a = 1;\n```\n\nText\n\n    const b = 2;', {
      settings: { highlightLanguage: 'js' },
    });
    expect(html!.match(/language-js/g)).toHaveLength(2);
  });

  it('R53: an unknown language stays plain, with a warning that names the line', async () => {
    const { compile } = await import('./helpers');
    const { deck, warnings } = await compile('x\n\n```klingonisch\nqapla\n```');
    expect(deck.slides[0]!.html).toContain('language-klingonisch');
    expect(warnings).toMatchObject([{ severity: 'warning', line: 3 }]);
  });

  it('R54: each line is wrapped as remark-code-line, the block is remark-code, no trailing empty line; inline code is remark-inline-code', async () => {
    const [html] = await htmls('```text\na\nb\n\n```\n\n`x`');
    expect(lines(html!)).toEqual(['line remark-code-line|a', 'line remark-code-line|b', 'line remark-code-line|']);
    expect(html).toContain('<code class="remark-inline-code">x</code>');
  });

  it('R55: with highlightLines a line starting with `*` is highlighted and the star removed; off, the star stays', async () => {
    const source = '```text\nline 1\n* line 2\n*line 3\n```';
    const [on] = await htmls(source, { options: { highlightLines: true } });
    expect(lines(on!)).toEqual([
      'line remark-code-line|line 1',
      'line remark-code-line remark-code-line-highlighted|  line 2',
      'line remark-code-line remark-code-line-highlighted|line 3',
    ]);
    const [off] = await htmls(source);
    expect(lines(off!)[1]).toBe('line remark-code-line|* line 2');
  });

  it('R56: the star is removed before highlighting, so it never reaches the highlighter', async () => {
    const [html] = await htmls('```js\n* let x = 1;\n```', { options: { highlightLines: true } });
    expect(html).not.toContain('*');
    expect(html).toMatch(/<span style="color:light-dark\(#[0-9A-F]{6}, #[0-9A-F]{6}\)"> {2}let<\/span>/);
  });

  it('R57: with highlightSpans text between backticks in code is highlighted, `\\`` stays a backtick', async () => {
    const source = '```text\na `f` b \\`g` c\n```';
    const [on] = await htmls(source, { settings: { highlightSpans: true } });
    expect(on).toContain('<span class="remark-code-span-highlighted"><span>f</span></span>');
    expect(lines(on!)).toEqual(['line remark-code-line|a f b `g` c']);
    const [off] = await htmls(source);
    expect(off).toContain('a `f` b \\`g` c');
  });

  it('R58: one light theme by default; the deck’s highlightStyle picks the shiki theme like it', async () => {
    const [plain] = await htmls('```js\nx\n```');
    expect(plain).toContain('class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast"');
    const { settings } = parseSettings('{ "highlightStyle": "monokai" }', 'slides/x.json');
    const [dark] = await htmls('```js\nx\n```', { settings });
    expect(dark).toContain('class="shiki monokai" style="background-color:#272822;');
  });
});
