import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/deck/diagnostics';
import { compile, compileError } from './helpers';

const missing = (url: string): string => {
  throw new Error(`Bild „${url}“ nicht gefunden`);
};

describe('errors and warnings', () => {
  it('an unknown macro, a missing image and an unclosed class name the file, slide and line', async () => {
    expect(await compileError('a\n---\n![:gibtsnicht](x)')).toMatch(/^slides\/test\.md:3: Folie 2: Unbekanntes Makro/);
    expect(await compileError('a\n---\nb\n--\n![Bild](media/weg.svg)', { resolveAsset: missing })).toBe(
      'slides/test.md:5: Folie 3: Bild „media/weg.svg“ nicht gefunden',
    );
    expect(await compileError('a\n\n.spalte[\nb')).toMatch(/^slides\/test\.md:3: Folie 1: „\.spalte\[“ wird nicht/);
  });

  it('reports every problem of a deck at once, each once, and carries them as diagnostics', async () => {
    try {
      await compile('![:a]()\n---\n![:b]()\n--\nc', { resolveAsset: missing });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DeckError);
      expect((error as DeckError).diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.line])).toEqual([
        ['error', 1],
        ['error', 3],
      ]);
    }
  });

  it('an error inherited from a template points at the template line', async () => {
    expect(await compileError('layout: true\n![:weg]()\n---\na\n---\nb')).toMatch(/^slides\/test\.md:2: Folie 1:/);
  });

  it('a missing background image is an error too', async () => {
    expect(await compileError('background-image: url(media/weg.jpg)\n\nx', { resolveAsset: missing })).toMatch(
      /^slides\/test\.md:1: Folie 1: Bild/,
    );
  });

  it('warnings keep the deck building: unknown template, prose read as a property', async () => {
    const { deck, warnings } = await compile('# Titel\n---\ntemplate: gibtsnicht\n\nText\n---\nHinweis: bitte lesen');
    expect(deck.slides).toHaveLength(3);
    expect(warnings.map((warning) => [warning.severity, warning.slide, warning.line])).toEqual([
      ['warning', 2, 3],
      ['warning', 3, 7],
    ]);
  });

  it('a macro that throws fails with its own message', async () => {
    const macros = {
      streng: () => {
        throw new Error('braucht ein Argument');
      },
    };
    expect(await compileError('x\n\n![:streng]', { macros })).toBe(
      'slides/test.md:3: Folie 1: Makro „streng“: braucht ein Argument',
    );
  });
});
