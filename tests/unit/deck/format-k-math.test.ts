import { describe, expect, it } from 'vitest';
import { compile, htmls } from './helpers';

/** The TeX source of each typeset formula, as KaTeX keeps it for screen readers. */
const formulas = (html: string): string[] =>
  Array.from(html.matchAll(/<annotation encoding="application\/x-tex">(.*?)<\/annotation>/gs), (match) =>
    match[1]!.replace(/&#x26;/g, '&').replace(/&#x3C;/g, '<'),
  );

describe('K. Math (MathJax-style `$…$` in remark.js decks), typeset at build time', () => {
  it('R50a: `$…$` is a formula; underscores and stars inside are TeX, not emphasis', async () => {
    const [html] = await htmls('$a_1$ und $b_2$, $x*y*z$');
    expect(html).toMatch(
      /^<p><span class="katex">.*<\/span> und <span class="katex">.*<\/span>, <span class="katex">.*<\/span><\/p>$/s,
    );
    expect(formulas(html!)).toEqual(['a_1', 'b_2', 'x*y*z']);
    expect(html).not.toContain('<em>');
    expect(html).toContain('<span class="katex">');
  });

  it('R50a: inside a formula TeX escapes hold, not CommonMark ones: `\\,`, `\\{`, `\\\\` and `\\_` stay', async () => {
    const [html] = await htmls('$a\\,b$ $\\{x\\}$ $\\begin{matrix}1\\\\2\\end{matrix}$ $a\\_b$');
    expect(formulas(html!)).toEqual(['a\\,b', '\\{x\\}', '\\begin{matrix}1\\\\2\\end{matrix}', 'a\\_b']);
  });

  it('R50a: a backslash that only makes sense as a Markdown escape for remark.js warns with the line', async () => {
    const { warnings } = await compile('# A\n\n$p\\_{X}$ und $\\\\{0,1\\\\}$ und $a\\,b$');
    expect(warnings.map((warning) => [warning.line, warning.message.slice(0, 32)])).toEqual([
      [3, 'In Formeln gilt TeX: „\\_“ bleibt'],
      [3, 'In Formeln gilt TeX: „\\\\{“ bleib'],
    ]);
  });

  it('R50a: `$$` opens a block only alone on its line; `$$f(x) = \\begin{cases}` … `\\end{cases}$$` is display math in its paragraph', async () => {
    const [html] = await htmls(
      'Es gilt\n$$f(x) = \\begin{cases}\n1 & x > 0 \\\\\n0 & \\text{sonst}\n\\end{cases}$$\nfür alle $x$.\n\nDanach Text.',
    );
    expect(formulas(html!)).toEqual(['f(x) = \\begin{cases}\n1 & x > 0 \\\\\n0 & \\text{sonst}\n\\end{cases}', 'x']);
    expect(html).toMatch(/<span class="katex-display">/);
    expect(html).toContain('<p>Danach Text.</p>');
    expect(html).not.toContain('katex-error');
  });

  it('R50a: `$$` alone on a line whose formula ends in `…$$` is display math in its paragraph, not a block that swallows the slide', async () => {
    const [html] = await htmls('- Es gilt\n$$\n\\begin{aligned}\na &= b\n\\end{aligned}$$\n- Danach');
    expect(formulas(html!)).toEqual(['\n\\begin{aligned}\na &= b\n\\end{aligned}']);
    expect(html).toMatch(/<li>Es gilt\n<span class="katex-display">.*<\/li>\n<li>Danach<\/li>/s);
  });

  it('R50a: `$$…$$` is display math, on lines of its own and inside a line (as MathJax reads it)', async () => {
    const [block] = await htmls('Text\n\n$$\n\\frac{1}{2}\n$$');
    expect(block).toContain('<span class="katex-display">');
    expect(formulas(block!)).toEqual(['\\frac{1}{2}']);
    const [inline] = await htmls('Es gilt $$e^{i\\pi}+1=0$$ immer.');
    expect(inline).toMatch(/^<p>Es gilt <span class="katex-display">.*<\/span> immer\.<\/p>$/s);
  });

  it('R50a: `\\$` is a dollar sign; code keeps `$…$` as written', async () => {
    expect(await htmls('Kostet \\$5 oder \\$10')).toEqual(['<p>Kostet $5 oder $10</p>']);
    const [html] = await htmls('`$x$`\n\n```\n$y$\n```');
    expect(html).toContain('<code class="remark-inline-code">$x$</code>');
    expect(html).not.toContain('katex');
  });

  it('R50a: formulas work in content classes and notes; the compiled deck says it uses math', async () => {
    const { deck, math } = await compile('.rechts[$\\alpha$]\n???\n$\\beta$');
    expect(formulas(deck.slides[0]!.html)).toEqual(['\\alpha']);
    expect(formulas(deck.slides[0]!.notesHtml)).toEqual(['\\beta']);
    expect(math).toBe(true);
    expect((await compile('# Ohne Formeln')).math).toBe(false);
  });

  it('a formula that is no valid TeX is shown as red source, with a warning naming its line', async () => {
    const { deck, warnings } = await compile('# A\n\nText $\\frac{1$ mehr');
    expect(deck.slides[0]!.html).toContain('katex-error');
    expect(warnings).toMatchObject([{ severity: 'warning', line: 3, slide: 1 }]);
    expect(warnings[0]!.message).toMatch(/^Formel „\\frac\{1“ ist kein gültiges TeX \(/);
  });
});
