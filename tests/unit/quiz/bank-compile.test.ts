import { describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../../../src/shared/deck';
import { DEFAULT_OPTIONS } from '../../../src/shared/deck';
import { compileBank, unwrapParagraph } from '../../../src/quiz-bank/compile';
import { parseBank } from '../../../src/quiz-bank/parse';
import { renderBankTexts } from '../../../src/quiz-bank/render';

const slide: Slide = {
  index: 0,
  number: 1,
  name: 'reverse-proxy',
  classes: [],
  properties: {},
  continued: false,
  html: '<h2>Reverse-Proxy &amp; <em>Load-Balancer</em></h2><p>…</p>',
  notesHtml: '',
  line: 1,
  diagrams: 0,
  demos: [],
};
const deck: Deck = {
  id: 'kapitel-2',
  title: 'Systemdesign',
  chapter: 'Kapitel 2',
  options: DEFAULT_OPTIONS,
  slides: [slide],
  total: 1,
};
const render = (texts: readonly string[]) => renderBankTexts(texts, 'slides/kapitel-2.quiz.md');

const source = `id: rp
topic: Systemdesign
kind: single
slide: reverse-proxy

Was tut ein **Reverse-Proxy**?

### Optionen
- [x] Er steht vor den \`Webservern\`.
  > Richtig: Er vertritt die Server.
- [ ] Er steht vor den Nutzern.
  > Hinweis: Das ist der *Forward*-Proxy.

### Hinweis
.betont[Vor wem] steht er?

### Musterantwort
\`\`\`js
const server = 'hinter dem Proxy';
\`\`\`

### Erklärung
Vertretung der Server.
`;

describe('compileBank', () => {
  it('compiles every text with the slide pipeline, keeps „Wort: …“ lines as text and unwraps option paragraphs', async () => {
    const { bank, problems } = await compileBank(parseBank(source, 'kapitel-2'), deck, render);
    expect(problems).toEqual([]);
    expect(bank.deckId).toBe('kapitel-2');
    expect(bank.deckTitle).toBe('Systemdesign');
    expect(bank.deckChapter).toBe('Kapitel 2');
    const [question] = bank.questions;
    expect(question?.promptHtml).toBe('<p>Was tut ein <strong>Reverse-Proxy</strong>?</p>');
    expect(question?.choices.map((c) => [c.id, c.correct, c.html, c.feedbackHtml])).toEqual([
      [
        'a',
        true,
        'Er steht vor den <code class="remark-inline-code">Webservern</code>.',
        '<p>Richtig: Er vertritt die Server.</p>',
      ],
      ['b', false, 'Er steht vor den Nutzern.', '<p>Hinweis: Das ist der <em>Forward</em>-Proxy.</p>'],
    ]);
    expect(question?.hintsHtml).toEqual(['<p><span class="betont">Vor wem</span> steht er?</p>']);
    expect(question?.answerHtml).toContain('<pre class="shiki');
    expect(question?.explanationHtml).toBe('<p>Vertretung der Server.</p>');
    expect(question?.slide).toBe('reverse-proxy');
    expect(question?.slideTitle).toBe('Reverse-Proxy & Load-Balancer');
  });

  it('reports a text the slide compiler rejects with its question and line', async () => {
    const broken = source.replace('Vertretung der Server.', 'Siehe ![:unbekannt 3](x)');
    const { problems } = await compileBank(parseBank(broken, 'kapitel-2'), deck, render);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(1);
    expect(problems[0]?.message).toMatch(/^Frage rp: .*unbekannt/);
  });

  it('renders each text as one Markdown fragment: separators are Markdown, a leading „Wort: …“ is text', async () => {
    const html = await render(['Erst\n\n---\n\nDann', 'Richtig: *kursiv*', 'x ![:fehlt](y)', '']);
    expect(html).toEqual([
      '<p>Erst</p>\n<hr>\n<p>Dann</p>',
      '<p>Richtig: <em>kursiv</em></p>',
      expect.objectContaining({ message: expect.stringMatching(/^Unbekanntes Makro „fehlt“/) }),
      '',
    ]);
  });
});

describe('unwrapParagraph', () => {
  it('unwraps exactly one paragraph and leaves other markup alone', () => {
    expect(unwrapParagraph('<p>a <em>b</em></p>')).toBe('a <em>b</em>');
    expect(unwrapParagraph('<p>a</p>\n<p>b</p>')).toBe('<p>a</p>\n<p>b</p>');
    expect(unwrapParagraph('<ul><li>a</li></ul>')).toBe('<ul><li>a</li></ul>');
  });
});
