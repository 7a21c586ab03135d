import { describe, expect, it } from 'vitest';
import { slides } from './helpers';

describe('C. Presenter notes', () => {
  it('R14: `???` turns the rest of the slide into notes, rendered as Markdown with the same pipeline', async () => {
    const [slide] = await slides('content\n???\nnotes *here*\n\n```js\nlet a;\n```');
    expect(slide!.html).toBe('<p>content</p>');
    expect(slide!.notesHtml).toContain('<p>notes <em>here</em></p>');
    expect(slide!.notesHtml).toContain('<pre class="shiki');
  });

  it('R15: a second `???` discards the notes so far; `??? `, `????` and `a ??? b` are text', async () => {
    const [slide] = await slides('a\n???\nn\n???\nm');
    expect(slide!.notesHtml).toBe('<p>m</p>');
    const [text] = await slides('a\n??? \n????\na ??? b');
    expect(text!.notesHtml).toBe('');
    expect(text!.html).toBe('<p>a\n???\n????\na ??? b</p>');
  });

  it('R16: a step or templated slide shows only its own notes unless inheritPresenterNotes is set', async () => {
    const source = 'name: t\nt\n???\ntemplate notes\n---\ntemplate: t\nx\n???\nslide notes';
    expect((await slides(source))[1]!.notesHtml).toBe('<p>slide notes</p>');
    const inherited = await slides(source, { settings: { inheritPresenterNotes: true } });
    expect(inherited[1]!.notesHtml).toBe('<p>template notes</p>\n<p>slide notes</p>');
    expect((await slides('a\n???\nn\n--\nb'))[1]!.notesHtml).toBe('');
  });

  it('R17: includePresenterNotes: false empties all notes', async () => {
    const result = await slides('a\n???\nn\n---\nb\n???\nm', { settings: { includePresenterNotes: false } });
    expect(result.map((slide) => slide.notesHtml)).toEqual(['', '']);
  });
});
