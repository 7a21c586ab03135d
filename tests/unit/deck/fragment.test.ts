import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/deck/diagnostics';
import { renderMarkdown } from '../../../src/deck/fragment';
import { LIMITS } from '../../../src/deck/limits';
import { htmls } from './helpers';

const FILE = 'slides/kapitel-2.quiz.md';
const html = async (markdown: string): Promise<string> => (await renderMarkdown(markdown, { file: FILE })).html;

async function rejection(markdown: string): Promise<DeckError> {
  try {
    await renderMarkdown(markdown, { file: FILE, macros: { ok: () => 'ok' } });
  } catch (error) {
    if (error instanceof DeckError) return error;
    throw error;
  }
  throw new Error('expected the fragment to fail');
}

describe('renderMarkdown: a Markdown fragment in the slides’ dialect', () => {
  it('gives the same HTML as a slide with the same Markdown', async () => {
    const markdown = [
      '## Lastverteilung .rot[vorn]',
      '',
      '.spalte[',
      '- `nginx` verteilt',
      '- ![:scale 40%](media/lb.svg)',
      ']',
      '',
      'Mehr unter [Doku][d].',
      '',
      '[d]: https://example.org/doku',
      '',
      '```ts',
      'const weights: number[] = [1, 2];',
      '```',
      '',
      '```mermaid',
      'graph LR; C-->LB',
      '```',
    ].join('\n');
    const [slide] = await htmls(markdown);
    const fragment = await html(markdown);
    expect(fragment).toBe(slide);
    expect(fragment).toContain('<span class="rot">vorn</span>');
    expect(fragment).toContain('<div class="spalte">');
    expect(fragment).toContain('style="width: 40%"');
    expect(fragment).toContain('<a href="https://example.org/doku">Doku</a>');
    expect(fragment).toContain('<code class="remark-code language-ts" style=');
    expect(fragment).toContain('<div class="vs-diagram"><pre class="vs-diagram-source">graph LR; C-->LB</pre></div>');
  });

  it('expands the given macros besides the built-in ones', async () => {
    const macros = { begriff: ({ value }: { value: string | undefined }) => `**${value}**` };
    const { html: out } = await renderMarkdown('Ein ![:begriff](Worker) nimmt Jobs.', { file: FILE, macros });
    expect(out).toBe('<p>Ein <strong>Worker</strong> nimmt Jobs.</p>');
  });

  it('reads no slide properties: a first line „Wort: …“ is text', async () => {
    expect(await html('Richtig: der Server antwortet.')).toBe('<p>Richtig: der Server antwortet.</p>');
    expect(await html('class: center\n\nText')).toBe('<p>class: center</p>\n<p>Text</p>');
  });

  it('splits nothing: separators, notes and {{variables}} are plain Markdown', async () => {
    expect(await html('Erst\n\n---\n\nDann')).toBe('<p>Erst</p>\n<hr>\n<p>Dann</p>');
    expect(await html('Erst\n--\n\n???\nNotiz')).toBe('<h2>Erst</h2>\n<p>???\nNotiz</p>');
    expect(await html('a\n\n<!-- break -->\n\nb {{ name }}')).toBe('<p>a</p>\n<!-- break -->\n<p>b {{ name }}</p>');
  });

  it('keeps indentation as written (a deck strips its lines’ common indentation, a fragment does not)', async () => {
    const code = /<code[^>]*>([\s\S]*?)<\/code>/;
    const [slide] = await htmls('  Satz\n\n      eingerückt');
    expect(code.exec(slide!)?.[1]).toContain('<span>eingerückt</span>');
    expect(code.exec(await html('  Satz\n\n      eingerückt'))?.[1]).toContain('<span>  eingerückt</span>');
  });

  it('is empty for blank text', async () => {
    expect(await html('')).toBe('');
    expect(await html(' \n\n')).toBe('');
  });

  it('returns warnings with the line in the fragment', async () => {
    const { warnings } = await renderMarkdown('Text\n\n```klingonisch\nqapla\n```', { file: FILE });
    expect(warnings).toEqual([
      { severity: 'warning', file: FILE, line: 3, message: expect.stringContaining('klingonisch') },
    ]);
  });

  it('throws a DeckError naming the problem and its line: unknown macro, unclosed class, too long', async () => {
    const macro = await rejection('a\n\nb ![:fehlt](x)');
    expect(macro.diagnostics).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 3,
        message: expect.stringMatching(/Unbekanntes Makro „fehlt“ \(vorhanden: .*ok/),
      },
    ]);
    const unclosed = await rejection('a\n.rot[b');
    expect(unclosed.diagnostics).toMatchObject([{ line: 2, message: '„.rot[“ wird nicht mit „]“ geschlossen' }]);
    const long = await rejection('x'.repeat(LIMITS.slide + 1));
    expect(long.diagnostics[0]?.message).toMatch(/zu groß/);
  });

  it('renders many fragments at once without mixing their results', async () => {
    const texts = Array.from({ length: 50 }, (_, i) => (i % 2 ? `*${i}*` : `\`\`\`js\nlet n = ${i};\n\`\`\``));
    const results = await Promise.all(texts.map(html));
    results.forEach((out, i) => expect(out).toContain(i % 2 ? `<em>${i}</em>` : `> ${i}</span>`));
  });
});
