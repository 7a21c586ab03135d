import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type DeckError } from '../../../src/deck/diagnostics';
import { loadDeck } from '../../../src/deck/load';
import { parseSettings } from '../../../src/deck/options';
import { DEFAULT_OPTIONS } from '../../../src/shared/deck';

const problems = (json: string): string[] => {
  try {
    parseSettings(json, 'slides/x.json');
  } catch (error) {
    return (error as DeckError).diagnostics.map((diagnostic) => diagnostic.message);
  }
  throw new Error('expected the settings to be rejected');
};

describe('deck options (sidecar slides/<id>.json, the options of remark.create())', () => {
  it('defaults to 16:9 and remark.js defaults; every option can be set', () => {
    expect(parseSettings('{}', 'x.json').settings.options).toEqual(DEFAULT_OPTIONS);
    const settings = parseSettings(
      JSON.stringify({
        title: 'T',
        chapter: 'Kapitel 9',
        ratio: '4:3',
        highlightLines: true,
        countIncrementalSlides: false,
        slideNumberFormat: '',
        scroll: false,
        touch: false,
        click: true,
        minutesPerSlide: 1.5,
        dark: false,
        highlightSpans: true,
        highlightLanguage: 'js',
        highlightStyle: 'solarized-light',
        excludedClasses: ['intern'],
        disableIncrementalSlides: true,
        includePresenterNotes: false,
        inheritPresenterNotes: true,
      }),
      'x.json',
    ).settings;
    expect(settings).toEqual({
      title: 'T',
      chapter: 'Kapitel 9',
      options: {
        ratio: '4:3',
        highlightLines: true,
        countIncrementalSlides: false,
        slideNumberFormat: '',
        scroll: false,
        touch: false,
        click: true,
        minutesPerSlide: 1.5,
        dark: false,
      },
      highlightSpans: true,
      highlightLanguage: 'js',
      codeTheme: 'solarized-light',
      excludedClasses: ['intern'],
      disableIncrementalSlides: true,
      includePresenterNotes: false,
      inheritPresenterNotes: true,
    });
  });

  it('rejects bad values of known options with a message per problem, naming the file', () => {
    expect(problems('{ "ratio": "21:9", "hightlightLines": true, "scroll": "ja" }')).toEqual([
      '„ratio“ muss "16:9" oder "4:3" sein, ist aber "21:9"',
      '„scroll“ muss true oder false sein, ist aber "ja"',
    ]);
    expect(problems('{ "minutesPerSlide": 0 }')).toEqual([
      '„minutesPerSlide“ muss eine Zahl von Minuten über 0 (höchstens 600) sein, ist aber 0',
    ]);
    expect(problems('{ "navigation": { "scroll": "nein" } }')).toEqual([
      '„navigation“ muss ein Objekt wie { "scroll": false, "touch": true, "click": false } sein, ist aber {"scroll":"nein"}',
    ]);
    expect(problems('{ "excludedClasses": "intern" }')).toEqual([
      '„excludedClasses“ muss eine Liste von Klassennamen sein, ist aber "intern"',
    ]);
  });

  it('warns about unknown options and remark.js options without effect, naming file and line; the rest applies', () => {
    const json =
      '{\n  "ratio": "4:3",\n  "highlightInlineCode": true,\n  "sourceUrl": "folien.md",\n  "hightlightLines": true,\n  "highlightStyle": "zenburn",\n  "navigation": { "scroll": false }\n}';
    const { settings, warnings } = parseSettings(json, 'slides/x.json');
    expect(settings.options).toMatchObject({ ratio: '4:3', scroll: false, touch: true });
    expect(warnings.map((warning) => [warning.file, warning.line, warning.severity, warning.message])).toEqual([
      [
        'slides/x.json',
        3,
        'warning',
        'Option „highlightInlineCode“ wird nicht beachtet: Code im Text wird nicht hervorgehoben',
      ],
      [
        'slides/x.json',
        4,
        'warning',
        'Option „sourceUrl“ wird nicht beachtet: die Folien stehen in der .md-Datei daneben',
      ],
      [
        'slides/x.json',
        5,
        'warning',
        expect.stringMatching(
          /^Unbekannte Option „hightlightLines“ wird nicht beachtet \(bekannt: title, chapter, ratio, /,
        ),
      ],
      ['slides/x.json', 6, 'warning', expect.stringMatching(/^Code-Stil „zenburn“ gibt es hier nicht; Code bleibt im/)],
    ]);
    expect(settings.codeTheme).toBe('github-light-high-contrast');
  });

  it('a sidecar with unsupported remark.js options still builds, and the deck lists the warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vs-deck-options-'));
    try {
      writeFileSync(join(dir, 'd.md'), '# Titel');
      writeFileSync(join(dir, 'd.json'), '{ "highlightInlineCode": true, "sourceUrl": "d.md" }');
      const { deck, warnings } = await loadDeck(join(dir, 'd.md'), { root: dir });
      expect(deck.title).toBe('Titel');
      expect(warnings.map(formatDiagnostic)).toEqual([
        expect.stringMatching(/^d\.json:1: Warnung: Option „highlightInlineCode“/),
        expect.stringMatching(/^d\.json:1: Warnung: Option „sourceUrl“/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects what is not a JSON object', () => {
    expect(problems('{ ratio: 4:3 }')[0]).toMatch(/^kein gültiges JSON/);
    expect(problems('[]')).toEqual(['erwartet ein JSON-Objekt wie { "ratio": "4:3" }']);
    try {
      parseSettings('[]', 'slides/x.json');
    } catch (error) {
      expect((error as Error).message).toBe('slides/x.json: erwartet ein JSON-Objekt wie { "ratio": "4:3" }');
    }
  });
});
