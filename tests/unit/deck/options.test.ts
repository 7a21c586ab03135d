import { describe, expect, it } from 'vitest';
import type { DeckError } from '../../../src/deck/diagnostics';
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

describe('deck options (sidecar slides/<id>.json)', () => {
  it('defaults to 16:9 and remark.js defaults; every option can be set', () => {
    expect(parseSettings('{}', 'x.json').options).toEqual(DEFAULT_OPTIONS);
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
        highlightSpans: true,
        highlightLanguage: 'js',
        excludedClasses: ['intern'],
        disableIncrementalSlides: true,
        includePresenterNotes: false,
        inheritPresenterNotes: true,
      }),
      'x.json',
    );
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
      },
      highlightSpans: true,
      highlightLanguage: 'js',
      excludedClasses: ['intern'],
      disableIncrementalSlides: true,
      includePresenterNotes: false,
      inheritPresenterNotes: true,
    });
  });

  it('rejects unknown keys and bad values with a message per problem, naming the file', () => {
    expect(problems('{ "ratio": "21:9", "hightlightLines": true, "scroll": "ja" }')).toEqual([
      '„ratio“ muss "16:9" oder "4:3" sein, ist aber "21:9"',
      expect.stringContaining('unbekannte Option „hightlightLines“ (erlaubt: title, chapter, ratio'),
      '„scroll“ muss true oder false sein, ist aber "ja"',
    ]);
    expect(problems('{ "excludedClasses": "intern" }')).toEqual([
      '„excludedClasses“ muss eine Liste von Klassennamen sein, ist aber "intern"',
    ]);
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
