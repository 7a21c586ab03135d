import { describe, expect, it } from 'vitest';
import { compile, compileError, htmls, slides } from './helpers';

describe('E. Layouts and templates', () => {
  it('R31: a `layout: true` slide is not shown or counted and is the template of every later slide', async () => {
    const result = await slides('layout: true\na\n---\nb');
    expect(result).toHaveLength(1);
    expect(result[0]!.html).toBe('<p>a\nb</p>');
    expect(result[0]!.number).toBe(1);
  });

  it('R31: a later layout replaces the first without inheriting it; `layout: false` clears it', async () => {
    expect(await htmls('layout: true\nL1\n---\nx\n---\nlayout: true\nL2\n---\ny')).toEqual([
      '<p>L1\nx</p>',
      '<p>L2\ny</p>',
    ]);
    expect(await htmls('layout: true\nL\n---\nlayout: false\na\n---\nb')).toEqual(['<p>a</p>', '<p>b</p>']);
  });

  it('R31: a deck of nothing but layout slides is an error, not an empty page', async () => {
    expect(await compileError('layout: true\nL')).toBe(
      'slides/test.md: Der Foliensatz hat keine Folie, die angezeigt wird (nur Layout- oder ausgeschlossene Folien)',
    );
  });

  it('R32: `template: NAME` inherits from that earlier slide; an unknown name falls back to the layout, with a warning', async () => {
    expect(await htmls('name: t\nT\n---\ntemplate: t\nx')).toEqual(['<p>T</p>', '<p>T\nx</p>']);
    const { deck, warnings } = await compile('layout: true\nL\n---\ntemplate: fehlt\nx');
    expect(deck.slides[0]!.html).toBe('<p>L\nx</p>');
    expect(warnings).toMatchObject([{ severity: 'warning', slide: 2, line: 4 }]);
  });

  it('R32: layout slides can be named and used as templates', async () => {
    expect(await htmls('name: l\nlayout: true\nL\n---\nlayout: false\nx\n---\ntemplate: l\ny')).toEqual([
      '<p>x</p>',
      '<p>L\ny</p>',
    ]);
  });

  it('R33: a step inherits from the previous slide (with what it inherited) before template and layout', async () => {
    const result = await slides('layout: true\nclass: a\nL\n---\nname: t\nT\n---\nS\n--\ntemplate: t\nstep');
    expect(result.map((slide) => slide.html)).toEqual(['<p>L\nT</p>', '<p>L\nS</p>', '<p>L\nS\nstep</p>']);
    expect(result[2]!.classes).toEqual(['a']);
  });

  it('R34: all properties but name, layout and count are inherited; own wins except class, which is joined', async () => {
    const result = await slides(
      'name: t\nclass: a\ncount: false\nfarbe: rot\nform: rund\n\nT\n---\ntemplate: t\nclass: b\nform: eckig\n\nx',
    );
    expect(result[1]!.properties).toEqual({
      class: 'a, b',
      farbe: 'rot',
      form: 'eckig',
      template: 't',
      continued: 'false',
    });
    expect(result[1]!.classes).toEqual(['a', 'b']);
    expect(result.map((slide) => slide.number)).toEqual([0, 1]);
  });

  it('R34: template content comes before the slide content (on its own line), or where the template has `{{content}}`', async () => {
    expect(await htmls('name: a\na\n---\ntemplate: a\nb')).toEqual(['<p>a</p>', '<p>a\nb</p>']);
    expect(await htmls('layout: true\n.fuss[x]\n---\n# Titel')).toEqual([
      '<p><span class="fuss">x</span></p>\n<h1>Titel</h1>',
    ]);
    const result = await htmls('name: t\n# Kopf\n\n{{content}}\n\nFuß\n---\ntemplate: t\nMitte');
    expect(result).toEqual(['<h1>Kopf</h1>\n<p>Fuß</p>', '<h1>Kopf</h1>\n<p>Mitte</p>\n<p>Fuß</p>']);
  });

  it('R35: `{{ key }}` is replaced by the property; unknown keys stay; `\\{{key}}` is literal; a template resolves against the inheriting slide', async () => {
    expect(await htmls('a: 1\n\n{{a}} {{ a }} {{b}} \\{{a}}')).toEqual(['<p>1 1 {{b}} {{a}}</p>']);
    const result = await htmls('name: t\nwer: Vorlage\n\nHallo {{wer}}\n---\ntemplate: t\nwer: Folie\n\nx');
    expect(result).toEqual(['<p>Hallo Vorlage</p>', '<p>Hallo Folie</p>\n<p>x</p>']);
  });

  it('R36: unlike remark.js, a content class placed at `{{content}}` stays a class, and `\\{{x}}` in a template stays literal', async () => {
    const result = await htmls('name: t\n.box[{{content}}]\n\n\\{{x}}\n---\ntemplate: t\n.red[rot]');
    expect(result[1]).toBe('<p><span class="box"><span class="red">rot</span></span></p>\n<p>{{x}}</p>');
  });
});
