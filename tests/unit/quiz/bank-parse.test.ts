import { describe, expect, it } from 'vitest';
import { parseBank } from '../../../src/quiz-bank/parse';

const choiceQuestion = `id: proxy-auswahl
number: 21
topic: Systemdesign
kind: single
slide: reverse-proxy

Was macht ein **Reverse-Proxy**?

### Optionen
- [x] Er steht vor den Webservern.
  > Richtig: Er vertritt die Server.
- [ ] Er steht vor den Nutzern.
  > Falsch: Das ist der Forward-Proxy.
  > Er vertritt die Clients.

### Hinweis
Vor wem steht er?

### Hinweis
Zweiter Hinweis.

### Musterantwort
Vor den Webservern.

### Erklärung
Proxy vertritt Clients, Reverse-Proxy Server.
`;

describe('parseBank', () => {
  it('reads properties, prompt, options with feedback, hints, answer and explanation', () => {
    const bank = parseBank(choiceQuestion, 'kapitel-2');
    expect(bank.problems).toEqual([]);
    expect(bank.deckId).toBe('kapitel-2');
    expect(bank.questions).toEqual([
      {
        id: 'proxy-auswahl',
        number: 21,
        topic: 'Systemdesign',
        kind: 'single',
        slide: 'reverse-proxy',
        prompt: 'Was macht ein **Reverse-Proxy**?',
        choices: [
          {
            id: 'a',
            markdown: 'Er steht vor den Webservern.',
            feedback: 'Richtig: Er vertritt die Server.',
            correct: true,
            line: 10,
          },
          {
            id: 'b',
            markdown: 'Er steht vor den Nutzern.',
            feedback: 'Falsch: Das ist der Forward-Proxy.\nEr vertritt die Clients.',
            correct: false,
            line: 12,
          },
        ],
        answer: 'Vor den Webservern.',
        explanation: 'Proxy vertritt Clients, Reverse-Proxy Server.',
        hints: ['Vor wem steht er?', 'Zweiter Hinweis.'],
        line: 1,
      },
    ]);
  });

  it('splits questions at --- lines, skips a leading comment and blank blocks, and counts lines across them', () => {
    const source = `<!-- Fragen zu Kapitel 2 -->\n\nid: a\ntopic: T\nkind: text\nslide: s\n\nFrage A\n\n---\n\n---\nid: b\ntopic: T\nkind: text\nslide: s\n\nFrage B\n`;
    const bank = parseBank(source, 'd');
    expect(bank.problems).toEqual([]);
    expect(bank.questions.map((q) => [q.id, q.prompt, q.line])).toEqual([
      ['a', 'Frage A', 3],
      ['b', 'Frage B', 13],
    ]);
  });

  it('reads an ordering question from a numbered list, in the written order', () => {
    const source = `id: weg\ntopic: T\nkind: ordering\nslide: s\n\nOrdne.\n\n### Reihenfolge\n1. Erst\n   > weil zuerst\n2. Dann\n   > danach\n3. Zuletzt\n   > am Ende\n`;
    const bank = parseBank(source, 'd');
    expect(bank.problems).toEqual([]);
    expect(bank.questions[0]?.choices.map((c) => [c.id, c.markdown, c.feedback, c.correct])).toEqual([
      ['a', 'Erst', 'weil zuerst', true],
      ['b', 'Dann', 'danach', true],
      ['c', 'Zuletzt', 'am Ende', true],
    ]);
  });

  it('leaves separators and section headings inside fenced code alone', () => {
    const source =
      'id: code\ntopic: T\nkind: text\nslide: s\n\nWas gibt das aus?\n\n```md\n---\n### Erklärung\n```\n\n### Musterantwort\nNichts.\n';
    const bank = parseBank(source, 'd');
    expect(bank.problems).toEqual([]);
    expect(bank.questions).toHaveLength(1);
    expect(bank.questions[0]?.prompt).toBe('Was gibt das aus?\n\n```md\n---\n### Erklärung\n```');
    expect(bank.questions[0]?.answer).toBe('Nichts.');
  });

  it('accepts CRLF line ends and a byte order mark', () => {
    const bank = parseBank(`\uFEFF${choiceQuestion.replace(/\n/g, '\r\n')}`, 'kapitel-2');
    expect(bank.problems).toEqual([]);
    expect(bank.questions[0]?.choices[1]?.feedback).toBe(
      'Falsch: Das ist der Forward-Proxy.\nEr vertritt die Clients.',
    );
  });

  it('keeps other headings in the prompt only below level 3', () => {
    const bank = parseBank('id: h\ntopic: T\nkind: text\nslide: s\n\n#### Szenario\nText\n', 'd');
    expect(bank.problems).toEqual([]);
    expect(bank.questions[0]?.prompt).toBe('#### Szenario\nText');
  });

  it.each([
    ['a missing property', 'id: x\ntopic: T\nkind: text\n\nFrage', 1, 'ohne „slide:“'],
    [
      'an unknown property',
      'id: x\ntopic: T\nkind: text\nslide: s\nlevel: 2\n\nFrage',
      5,
      'Unbekannte Eigenschaft „level:“',
    ],
    ['a doubled property', 'id: x\nid: y\ntopic: T\nkind: text\nslide: s\n\nFrage', 2, '„id:“ steht doppelt'],
    ['an unknown kind', 'id: x\ntopic: T\nkind: essay\nslide: s\n\nFrage', 1, '„kind: essay“ ist keine der Arten'],
    ['a bad id', 'id: Proxy_1\ntopic: T\nkind: text\nslide: s\n\nFrage', 1, 'Die id „Proxy_1“'],
    ['a bad number', 'id: x\nnumber: zwei\ntopic: T\nkind: text\nslide: s\n\nFrage', 1, '„number: zwei“'],
    [
      'an unknown section',
      'id: x\ntopic: T\nkind: text\nslide: s\n\nFrage\n\n### Erklaerung\nText',
      8,
      'Unbekannter Abschnitt „### Erklaerung“',
    ],
    [
      'a doubled section',
      'id: x\ntopic: T\nkind: text\nslide: s\n\nF\n### Erklärung\nA\n### Erklärung\nB',
      9,
      '„Erklärung“ steht doppelt',
    ],
    [
      'options for an ordering question',
      'id: x\ntopic: T\nkind: ordering\nslide: s\n\nF\n### Optionen\n- [x] a\n  > b',
      7,
      'passt nicht zu „### Optionen“',
    ],
    [
      'steps written as options',
      'id: x\ntopic: T\nkind: ordering\nslide: s\n\nF\n### Reihenfolge\n- [x] a\n  > b',
      8,
      'nummerierte Liste',
    ],
    [
      'options written as steps',
      'id: x\ntopic: T\nkind: single\nslide: s\n\nF\n### Optionen\n1. a\n  > b',
      8,
      '„- [x] …“',
    ],
    [
      'steps out of sequence',
      'id: x\ntopic: T\nkind: ordering\nslide: s\n\nF\n### Reihenfolge\n1. a\n3. b',
      9,
      'Schritt 3 steht an Stelle 2',
    ],
    [
      'prose between options',
      'id: x\ntopic: T\nkind: single\nslide: s\n\nF\n### Optionen\n- [x] a\nLose Zeile',
      9,
      'nur eine Liste',
    ],
  ])('reports %s with its line', (_name, source, line, message) => {
    const { problems } = parseBank(source, 'd');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.message).toContain(message);
  });
});
