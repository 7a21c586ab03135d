import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listDeckFiles, loadDeck } from '../../../src/deck/load';
import { DeckRegistry } from '../../../src/deck/registry';

const fixtures = resolve(import.meta.dirname, '../../fixtures/decks');
const root = mkdtempSync(join(tmpdir(), 'vs-deck-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('decks on disk', () => {
  it('lists `<dir>/*.md` except quiz banks, sorted; a missing directory has none', () => {
    expect(listDeckFiles(join(fixtures, 'valid')).map((file) => file.id)).toEqual(['beispiel', 'zweiter']);
    expect(listDeckFiles(join(root, 'gibt-es-nicht'))).toEqual([]);
  });

  it('applies the sidecar options and reads title and chapter from the title slide', async () => {
    const [beispiel, zweiter] = await new DeckRegistry({ root: fixtures, dir: 'valid' }).decks();
    expect(beispiel).toMatchObject({ id: 'beispiel', title: 'Ein Beispiel-Foliensatz', chapter: 'Übung 9', total: 4 });
    expect(beispiel!.options).toMatchObject({ ratio: '4:3', highlightLines: true });
    expect(zweiter).toMatchObject({ title: 'Zweiter Foliensatz', chapter: '' });
    expect(zweiter!.options.ratio).toBe('16:9');
  });

  it('the sidecar title and chapter win over the title slide', async () => {
    const dir = join(root, 'titel');
    cpSync(join(fixtures, 'valid'), dir, { recursive: true });
    writeFileSync(join(dir, 'zweiter.json'), '{ "title": "Anders", "chapter": "Kapitel 3" }');
    const { deck } = await loadDeck(join(dir, 'zweiter.md'), { root: dir });
    expect(deck).toMatchObject({ title: 'Anders', chapter: 'Kapitel 3' });
  });

  it('finds images beside the deck or under media/, and passes their files to assetUrl', async () => {
    const dir = join(root, 'bilder');
    cpSync(join(fixtures, 'valid'), join(dir, 'slides'), { recursive: true });
    mkdirSync(join(dir, 'media'));
    writeFileSync(
      join(dir, 'slides', 'zweiter.md'),
      '![a](media/knoten.svg) ![b](media/wurzel.svg) ![c](/media/wurzel.svg)',
    );
    writeFileSync(join(dir, 'media', 'wurzel.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const files: string[] = [];
    const { deck, images } = await loadDeck(join(dir, 'slides', 'zweiter.md'), {
      root: dir,
      assetUrl: (file) => {
        files.push(file);
        return `/x/${files.length}`;
      },
    });
    expect(files).toEqual([
      join(dir, 'slides/media/knoten.svg'),
      join(dir, 'media/wurzel.svg'),
      join(dir, 'media/wurzel.svg'),
    ]);
    expect(images).toEqual(['media/knoten.svg', 'media/wurzel.svg', '/media/wurzel.svg']);
    expect(deck.slides[0]!.html).toBe(
      '<p><img src="/x/1" alt="a"> <img src="/x/2" alt="b"> <img src="/x/3" alt="c"></p>',
    );
  });

  it('refuses every file outside the deck’s folder and media/, naming file and line (also through a symlink)', async () => {
    const dir = join(root, 'aussen');
    mkdirSync(join(dir, 'slides'), { recursive: true });
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'package.json'), '{}');
    symlinkSync('/etc/passwd', join(dir, 'media', 'passwd.png'));
    const deck = join(dir, 'slides', 'd.md');
    const cases: [string, RegExp][] = [
      ['![x](../../etc/passwd)', /^slides\/d\.md:3: Folie 2: „\.\.\/\.\.\/etc\/passwd“ liegt außerhalb des Projekts/],
      ['![x](../package.json)', /^slides\/d\.md:3: Folie 2: „\.\.\/package\.json“ liegt außerhalb des Projekts/],
      ['![x](/package.json)', /^slides\/d\.md:3: Folie 2: „\/package\.json“ liegt außerhalb des Projekts/],
      ['![x](media/passwd.png)', /^slides\/d\.md:3: Folie 2: „media\/passwd\.png“ liegt außerhalb des Projekts/],
      [
        '<video src="ok.mp4" poster="../../../../etc/hostname"></video>',
        /„\.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname“ liegt außerhalb/,
      ],
      [
        'background-image: url(../package.json)\n\nx',
        /^slides\/d\.md:3: Folie 2: „\.\.\/package\.json“ liegt außerhalb/,
      ],
    ];
    writeFileSync(join(dir, 'slides', 'ok.mp4'), '');
    for (const [markdown, message] of cases) {
      writeFileSync(deck, `# A\n---\n${markdown}`);
      await expect(loadDeck(deck, { root: dir }), markdown).rejects.toThrow(message);
    }
  });
});
