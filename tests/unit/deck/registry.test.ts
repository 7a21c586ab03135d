import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../../src/deck/diagnostics';
import { DeckRegistry } from '../../../src/deck/registry';

const fixtures = resolve(import.meta.dirname, '../../fixtures/decks');
const root = mkdtempSync(join(tmpdir(), 'vs-registry-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('deck registry', () => {
  it('compiles a deck again only when its file or options changed', async () => {
    cpSync(join(fixtures, 'valid'), join(root, 'slides'), { recursive: true });
    const registry = new DeckRegistry({ root });
    const first = await registry.decks();
    const again = await registry.decks();
    expect(again).toEqual(first);
    expect(registry.compilations).toBe(2);

    writeFileSync(join(root, 'slides/zweiter.md'), '# Geändert');
    writeFileSync(join(root, 'slides/beispiel.json'), '{ "ratio": "16:9" }');
    const changed = await registry.decks();
    expect(changed[1]!.title).toBe('Geändert');
    expect(changed[0]!.options.ratio).toBe('16:9');
    expect(registry.compilations).toBe(4);
  });

  it('compiles everything again when the image URLs change (a new build)', async () => {
    const registry = new DeckRegistry({ root: fixtures, dir: 'valid' });
    await registry.decks();
    registry.useAssetUrls((file) => `/assets/${file.length}`);
    await registry.decks();
    expect(registry.compilations).toBe(4);
  });

  it('reports a broken deck beside the good ones; decks() rejects with its problems', async () => {
    const registry = new DeckRegistry({ root: fixtures, dir: 'broken' });
    const [outcome] = await registry.all();
    expect(outcome && 'error' in outcome && outcome.error).toBeInstanceOf(DeckError);
    await expect(registry.decks()).rejects.toThrow('fehlendes-bild.md:7: Folie 2');
  });

  it('uses the macros it is given, and no others', async () => {
    mkdirSync(join(root, 'makro/slides'), { recursive: true });
    writeFileSync(join(root, 'makro/slides/makro.md'), '# Titel\n\n![:gruss Welt]()');
    const own = join(root, 'makro');
    await expect(new DeckRegistry({ root: own }).decks()).rejects.toThrow('Unbekanntes Makro „gruss“');
    const registry = new DeckRegistry({ root: own, macros: { gruss: ({ args }) => `Hallo ${args[0]}` } });
    const decks = await registry.decks();
    expect(decks.find((deck) => deck.id === 'makro')!.slides[0]!.html).toContain('Hallo Welt');
  });
});
