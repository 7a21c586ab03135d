import { describe, expect, it } from 'vitest';
import { extractProperties } from '../../../src/deck/properties';
import { compile, slides } from './helpers';

describe('D. Slide properties', () => {
  it('R18: `key: value` lines at the top are properties; blank lines before and between are allowed', async () => {
    expect(extractProperties(['name: a\nclass:b\n1'], 1)).toMatchObject({
      properties: { name: 'a', class: 'b' },
      content: ['\n1'],
    });
    expect(extractProperties(['a:   \n\nContent.'], 1).properties).toEqual({ a: '' });
    const [slide] = await slides('name: a\n\nclass: b\n\n# T');
    expect(slide!.properties).toMatchObject({ name: 'a', class: 'b' });
    expect(slide!.html).toBe('<h1>T</h1>');
  });

  it('R18: the first line that is no property ends the block', async () => {
    const [slide] = await slides('class: x\n# T\nname: y');
    expect(slide!.properties).toEqual({ class: 'x', continued: 'false' });
    expect(slide!.html).toBe('<h1>T</h1>\n<p>name: y</p>');
  });

  it('R19: `<!-- key: value -->` is a property anywhere in the first text chunk and is removed', async () => {
    const [slide] = await slides('# T\n<!-- class: y -->\nmore');
    expect(slide!.properties.class).toBe('y');
    expect(slide!.classes).toEqual(['y']);
    expect(slide!.html).toBe('<h1>T</h1>\n<p>more</p>');
    const [comment] = await slides('a <!-- just a comment --> b');
    expect(comment!.html).toBe('<p>a <!-- just a comment --> b</p>');
  });

  it('R20: properties after the first content class are not read; keys are case-sensitive strings', async () => {
    const [slide] = await slides('.c[x]\n<!-- class: y -->\nName: n');
    expect(slide!.properties.class).toBeUndefined();
    const [cased] = await slides('Class: a\ncount: 2\n\nx');
    expect(cased!.classes).toEqual([]);
    expect(cased!.properties).toMatchObject({ Class: 'a', count: '2' });
  });

  it('R21: a first line like `Note: …` or a bare URL is read as a property, with a warning', async () => {
    const { deck, warnings } = await compile('# A\n---\nNote: wichtig\n---\nhttp://example.com');
    expect(deck.slides[1]!.properties.Note).toBe('wichtig');
    expect(deck.slides[1]!.html).toBe('');
    expect(deck.slides[2]!.properties.http).toBe('//example.com');
    expect(warnings.map((warning) => [warning.slide, warning.line])).toEqual([
      [2, 3],
      [3, 5],
    ]);
    expect(warnings[0]!.message).toContain('Note\\: wichtig');
    expect(warnings[1]!.message).toContain('<http://example.com>');
    const quiet = await compile('Autor: Anna\n\n{{Autor}} spricht');
    expect(quiet.warnings).toEqual([]);
    expect(quiet.deck.slides[0]!.html).toBe('<p>Anna spricht</p>');
  });

  it('R21: a property whose value starts with `//` is no URL unless its key is a scheme; used as `{{key}}` it is quiet', async () => {
    const used = await compile('comment: // wichtig\n\n{{comment}}');
    expect(used.warnings).toEqual([]);
    expect(used.deck.slides[0]!.html).toBe('<p>// wichtig</p>');
    const unused = await compile('comment: // wichtig\n\nText');
    expect(unused.warnings.map((warning) => warning.message)).toEqual([
      '„comment: // wichtig“ wird als Folien-Eigenschaft „comment“ gelesen und nicht angezeigt; als Text schreiben: „comment\\: // wichtig“',
    ]);
  });

  it('R22: `name` is kept for #name links and templates, never inherited; a later duplicate wins', async () => {
    const result = await slides('name: a\nerste\n---\nname: a\nzweite\n---\ntemplate: a\ndritte');
    expect(result.map((slide) => slide.name)).toEqual(['a', 'a', undefined]);
    expect(result[2]!.html).toBe('<p>zweite\ndritte</p>');
  });

  it('R23: `class` takes comma- and/or space-separated classes', async () => {
    const [slide] = await slides('class: middle, center inverse\n\nx');
    expect(slide!.classes).toEqual(['middle', 'center', 'inverse']);
  });

  it('R24: background properties are kept; a local background-image URL is resolved like an image', async () => {
    const [slide] = await slides(
      'background-image: url(media/bg.jpg)\nbackground-color: #333\nbackground-size: cover\nbackground-position: top\n\nx',
      { resolveAsset: (url) => `/assets/${url.replace('media/', '')}` },
    );
    expect(slide!.properties).toMatchObject({
      'background-image': 'url(/assets/bg.jpg)',
      'background-color': '#333',
      'background-size': 'cover',
      'background-position': 'top',
    });
  });

  it('R25: `highlight-style` gives the slide the code theme like that highlight.js style; an unknown one warns', async () => {
    const [slide] = await slides('highlight-style: monokai\n\n```js\nx\n```');
    expect(slide!.properties['highlight-style']).toBe('monokai');
    expect(slide!.html).toContain('class="shiki monokai"');
    const { deck, warnings } = await compile('a\n---\nhighlight-style: zenburn\n\n```js\nx\n```');
    expect(deck.slides[1]!.html).toContain(
      'class="shiki shiki-themes github-light-high-contrast github-dark-high-contrast"',
    );
    expect(warnings).toMatchObject([
      { line: 3, slide: 2, message: expect.stringMatching(/^Code-Stil „zenburn“ gibt es hier nicht/) },
    ]);
  });

  it('R26: `count: false` shares the previous number; on the first slide the number is 0', async () => {
    expect((await slides('a\n---\ncount: false\n\nb\n---\nc')).map((slide) => slide.number)).toEqual([1, 1, 2]);
    expect((await slides('count: false\n\na\n---\nb')).map((slide) => slide.number)).toEqual([0, 1]);
  });

  it('R27: `exclude: true` (any case) removes the slide; it cannot serve as a template', async () => {
    expect((await slides('1\n---\nexclude: true\n2\n---\n3')).map((slide) => slide.html)).toEqual([
      '<p>1</p>',
      '<p>3</p>',
    ]);
    expect(await slides('a\n---\nexclude: TRUE\nb')).toHaveLength(1);
    const { deck, warnings } = await compile('name: t\nexclude: true\nT\n---\ntemplate: t\nx');
    expect(deck.slides.map((slide) => slide.html)).toEqual(['<p>x</p>']);
    expect(warnings[0]!.message).toContain('Vorlage „t“');
  });

  it('R28: excludedClasses drops slides with one of those classes and does not count them', async () => {
    const result = await slides('a\n---\nclass: intern, x\n\nb\n---\nc', { settings: { excludedClasses: ['intern'] } });
    expect(result.map((slide) => [slide.html, slide.number])).toEqual([
      ['<p>a</p>', 1],
      ['<p>c</p>', 2],
    ]);
  });

  it('R29: `continued` is set automatically to "true" or "false"', async () => {
    const result = await slides('a\n--\nb');
    expect(result.map((slide) => [slide.properties.continued, slide.continued])).toEqual([
      ['false', false],
      ['true', true],
    ]);
  });

  it('R30: any other key is a variable for `{{ key }}`', async () => {
    const [slide] = await slides('thema: Skalierung\n\n# {{ thema }}');
    expect(slide!.html).toBe('<h1>Skalierung</h1>');
  });
});
