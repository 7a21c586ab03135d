import { describe, expect, it } from 'vitest';
import type { Slide } from '../../../src/shared/deck';
import { parseBank } from '../../../src/quiz-bank/parse';
import { validateBank } from '../../../src/quiz-bank/validate';

function slide(name: string, index: number): Slide {
  return {
    index,
    number: index + 1,
    name,
    classes: [],
    properties: {},
    continued: false,
    html: `<h2>${name}</h2>`,
    notesHtml: '',
    line: 1,
    diagrams: 0,
    demos: [],
  };
}
const deck = { id: 'kapitel-2', slides: [slide('definition', 0), slide('reverse-proxy', 1)] };

function question(parts: { kind?: string; slide?: string; id?: string; body?: string; sections?: string }): string {
  const {
    kind = 'text',
    slide: name = 'definition',
    id = 'q',
    body = 'Was ist das?',
    sections = '### Hinweis\nDenk nach.\n\n### Musterantwort\nDas.\n\n### Erklärung\nDarum.',
  } = parts;
  return `id: ${id}\ntopic: T\nkind: ${kind}\nslide: ${name}\n\n${body}\n\n${sections}\n`;
}

const complete = '### Hinweis\nH\n### Musterantwort\nA\n### Erklärung\nE\n';
const problemsOf = (source: string): string[] =>
  validateBank(parseBank(source, 'kapitel-2'), deck).map((p) => p.message);

describe('validateBank', () => {
  it('accepts a complete question whose slide exists', () => {
    expect(problemsOf(question({}))).toEqual([]);
  });

  it('checks every question a slide’s poll: names against the bank', () => {
    const polled = {
      id: 'kapitel-2',
      slides: [
        { ...slide('definition', 0), properties: { poll: 'q' } },
        { ...slide('reverse-proxy', 1), properties: { poll: 'q, fehlt , q' } },
      ],
    };
    expect(validateBank(parseBank(question({}), 'kapitel-2'), polled).map((p) => p.message)).toEqual([
      'kapitel-2.md, Folie 2: „poll: fehlt“ ist keine Frage dieses Fragenkatalogs.',
    ]);
  });

  it('names the slide reference that is no slide of the deck', () => {
    expect(problemsOf(question({ slide: 'gibt-es-nicht' }))).toEqual([
      'Frage q: „slide: gibt-es-nicht“ ist keine Folie von kapitel-2 (dort fehlt „name: gibt-es-nicht“).',
    ]);
  });

  it.each([
    ['model answer', '### Hinweis\nH\n### Erklärung\nE', '„### Musterantwort“ fehlt'],
    ['explanation', '### Hinweis\nH\n### Musterantwort\nA', '„### Erklärung“ fehlt'],
    ['hint', '### Musterantwort\nA\n### Erklärung\nE', 'mindestens ein „### Hinweis“ fehlt'],
    ['hint text', '### Hinweis\n\n### Musterantwort\nA\n### Erklärung\nE', 'ein „### Hinweis“ ist leer'],
  ])('requires a %s', (_name, sections, message) => {
    expect(problemsOf(question({ sections }))).toEqual([`Frage q: ${message}.`]);
  });

  it('refuses images, which belong on the linked slide', () => {
    expect(problemsOf(question({ body: 'Was zeigt ![:scale 50%](media/proxy.svg)?' }))).toEqual([
      'Frage q: Bilder zeigt das Quiz nicht – die Abbildung gehört auf die Folie, auf die „slide:“ verweist.',
    ]);
  });

  it('requires the prompt', () => {
    expect(problemsOf(question({ body: '' }))).toEqual([
      'Frage q: die Frage selbst fehlt (Text nach den Eigenschaften).',
    ]);
  });

  it('reports a doubled id', () => {
    expect(problemsOf(`${question({})}---\n${question({})}`)).toEqual(['Frage q: die id gibt es schon.']);
  });

  it('checks that choices fit the kind', () => {
    const options = (list: string): string => `### Optionen\n${list}\n${complete}`;
    const one = '- [x] a\n  > ja';
    const wrong = '- [ ] b\n  > nein';
    expect(problemsOf(question({ kind: 'single', sections: options(one) }))).toEqual([
      'Frage q: Einfachauswahl: mindestens zwei Optionen, genau eine mit [x].',
    ]);
    expect(problemsOf(question({ kind: 'single', sections: options(`${one}\n${one}\n${wrong}`) }))).toHaveLength(1);
    expect(problemsOf(question({ kind: 'single', sections: options(`${one}\n${wrong}`) }))).toEqual([]);
    expect(problemsOf(question({ kind: 'multiple', sections: options(`${one}\n${one}\n${one}`) }))).toEqual([
      'Frage q: Mehrfachauswahl: mindestens drei Optionen, davon mindestens eine richtige und eine falsche.',
    ]);
    expect(problemsOf(question({ kind: 'multiple', sections: options(`${one}\n${one}\n${wrong}`) }))).toEqual([]);
    expect(problemsOf(question({ kind: 'single', sections: complete }))).toEqual([
      'Frage q: Einfachauswahl: mindestens zwei Optionen, genau eine mit [x].',
    ]);
    expect(
      problemsOf(question({ kind: 'ordering', sections: `### Reihenfolge\n1. a\n   > x\n2. b\n   > y\n${complete}` })),
    ).toEqual(['Frage q: eine Reihenfolge braucht mindestens 3 Schritte.']);
    const ten = Array.from({ length: 10 }, (_, i) => `- [${i === 0 ? 'x' : ' '}] o${i}\n  > f`).join('\n');
    expect(problemsOf(question({ kind: 'single', sections: options(ten) }))).toEqual([
      'Frage q: höchstens 9 Optionen (Tasten 1–9).',
    ]);
  });

  it('requires feedback for every option', () => {
    const problems = validateBank(
      parseBank(
        question({ kind: 'single', sections: `### Optionen\n- [x] a\n- [ ] b\n  > nein\n${complete}` }),
        'kapitel-2',
      ),
      deck,
    );
    expect(problems).toEqual([{ line: 9, message: 'Frage q: Option a ohne Rückmeldung („> …“ eingerückt darunter).' }]);
  });

  it('includes the problems met while parsing, sorted by line', () => {
    const source = `${question({ slide: 'fehlt' })}---\nid: x\ntopic: T\nkind: essay\nslide: definition\n\nF\n`;
    expect(validateBank(parseBank(source, 'kapitel-2'), deck).map((p) => p.line)).toEqual([1, 17]);
  });

  it('rejects a bank checked against another deck', () => {
    expect(validateBank(parseBank(question({}), 'uebung-1'), deck).map((p) => p.message)).toEqual([
      'Der Fragenkatalog gehört zu „uebung-1“, nicht zu „kapitel-2“.',
    ]);
  });
});

describe('number questions', () => {
  const numberQuestion = (value: string): string =>
    `id: z\ntopic: T\nkind: number\n${value}slide: definition\n\nWie viele?\n\n${complete}`;

  it('reads the value with tolerance and unit, in German or English writing', () => {
    const read = (line: string) => parseBank(numberQuestion(`value: ${line}\n`), 'kapitel-2').questions[0]?.expected;
    expect(read('3')).toEqual({ value: 3, tolerance: 0, unit: '' });
    expect(read('0,5 ± 0,1')).toEqual({ value: 0.5, tolerance: 0.1, unit: '' });
    expect(read('40 +- 2 ms')).toEqual({ value: 40, tolerance: 2, unit: 'ms' });
    expect(read('99,9999 ± 0,00005 %')).toEqual({ value: 99.9999, tolerance: 0.00005, unit: '%' });
    expect(read('12.5 Jobs/s')).toEqual({ value: 12.5, tolerance: 0, unit: 'Jobs/s' });
    expect(problemsOf(numberQuestion('value: 3\n'))).toEqual([]);
  });

  it('needs a value that is a number, and only on a number question', () => {
    expect(problemsOf(numberQuestion(''))).toEqual(['Frage z: eine Zahlenfrage braucht „value:“, z. B. „value: 3“.']);
    expect(problemsOf(numberQuestion('value: drei\n'))).toEqual([
      'Frage z: „value: drei“ ist keine Zahl wie „3“, „0,5 ± 0,1“ oder „40 ± 2 ms“.',
      'Frage z: eine Zahlenfrage braucht „value:“, z. B. „value: 3“.',
    ]);
    expect(problemsOf(numberQuestion('value: 3 ± -1\n'))).toHaveLength(2);
    expect(problemsOf(question({}).replace('kind: text\n', 'kind: text\nvalue: 3\n'))).toEqual([
      'Frage q: „value:“ gibt es nur bei „kind: number“.',
    ]);
  });
});
