import { describe, expect, it } from 'vitest';
import { lex } from '../../../src/deck/lexer';
import { htmls, slides } from './helpers';

const contents = (source: string): string[] => lex(source).slides.map((slide) => slide.content.join(''));

describe('B. Slide separators and incremental slides', () => {
  it('R7: a line of exactly three hyphens separates slides; with trailing space, four hyphens or indentation it is text', async () => {
    expect(await htmls('1\n---\n2\n---\n3')).toEqual(['<p>1</p>', '<p>2</p>', '<p>3</p>']);
    expect(contents('a\n--- \nb')).toEqual(['a\n--- \nb']);
    expect(contents('a\n----\nb')).toEqual(['a\n----\nb']);
    expect(contents('a\n  ---\nb')).toEqual(['a\n  ---\nb']);
    expect(await htmls('a\n----\nb')).toEqual(['<h2>a</h2>\n<p>b</p>']);
  });

  it('R8: the newline right after a separator is consumed, blank lines stay with the slides', () => {
    expect(contents('a\n\n---\n\nb')).toEqual(['a\n', '\nb']);
    expect(contents('a\n---\nb')).toEqual(['a', 'b']);
  });

  it('R9: `<!-- break -->` on its own line (any whitespace inside) separates slides silently', async () => {
    expect(await htmls('1\n<!-- break -->\n2\n<!--break-->\n3')).toEqual(['<p>1</p>', '<p>2</p>', '<p>3</p>']);
    expect(contents('1 <!-- break -->\n2')).toHaveLength(1);
  });

  it('R10: `--` starts a continued step that shows everything before it; `-- x` and `--x` are text', async () => {
    const result = await slides('1\n--\n2\n---\n3');
    expect(result.map((slide) => slide.continued)).toEqual([false, true, false]);
    expect(contents('A\n--\nB')).toEqual(['A', '\nB']);
    expect(await htmls('A\n\n--\n\nB\n\n--\n\nC\n---\nD')).toEqual([
      '<p>A</p>',
      '<p>A</p>\n<p>B</p>',
      '<p>A</p>\n<p>B</p>\n<p>C</p>',
      '<p>D</p>',
    ]);
    expect(contents('a\n-- x\n--x')).toEqual(['a\n-- x\n--x']);
  });

  it('R10: a `--` between list items reveals the list item by item', async () => {
    expect(await htmls('- a\n--\n- b')).toEqual(['<ul>\n<li>a</li>\n</ul>', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>']);
  });

  it('R11: separators inside fenced code, indented code, inline code and content classes are not separators', async () => {
    expect(await slides('1\n---\n```\n---\n```\n---\n3')).toHaveLength(3);
    expect(await slides('1\n---\n~~~~\n---\n--\n???\n~~~~\n---\n3')).toHaveLength(3);
    expect(await slides('1\n---\n2\n.class[\n---\n]\n---\n3')).toHaveLength(3);
    expect(await slides('1\n---\n2 ``.class[`` x\n---\n3')).toHaveLength(3);
    expect(await slides('1\n---\n2 ``a ` .class[ b`` x\n---\n3')).toHaveLength(3);
    const indented = lex('1\n\n    .class[\n---\n2');
    expect(indented.slides).toHaveLength(2);
    expect(indented.slides[0]!.content).toEqual(['1\n\n    .class[']);
  });

  it('R11: an unclosed fence is no fence, so the separators after it still work', async () => {
    expect(await slides('```\nCode\n---\nzwei')).toHaveLength(2);
  });

  it('R12: no steps inside a content class: `--` there is text; repeating the wrapper after each `--` works', async () => {
    expect(await slides('.col[\na\n--\nb\n]')).toHaveLength(1);
    const steps = await htmls('.col[\na\n]\n--\n.col[\nb\n]');
    expect(steps).toEqual([
      '<div class="col"><p>a</p></div>',
      '<div class="col"><p>a</p></div>\n<div class="col"><p>b</p></div>',
    ]);
  });

  it('R13: with disableIncrementalSlides every `--` is dropped and notes gathered before it are discarded', async () => {
    const result = await slides('a\n???\nn1\n--\nb', { settings: { disableIncrementalSlides: true } });
    expect(result).toHaveLength(1);
    expect(result[0]!.html).toBe('<p>a\nb</p>');
    expect(result[0]!.notesHtml).toBe('');
  });
});
