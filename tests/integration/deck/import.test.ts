import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/load';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'vs-deck-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run deck -- import …` in a project folder of its own. */
async function importCli(
  project: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  mkdirSync(project, { recursive: true });
  try {
    const { stdout, stderr } = await promisify(execFile)(
      resolve(root, 'node_modules/.bin/tsx'),
      [resolve(root, 'src/cli/deck.ts'), 'import', ...args],
      { cwd: project },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>';

/** A remark.js page as people write them: the deck in a textarea, options, own style and script. */
function remarkPage(dir: string): string {
  mkdirSync(join(dir, 'bilder'), { recursive: true });
  writeFileSync(join(dir, 'bilder', 'netz.svg'), SVG);
  writeFileSync(join(dir, 'bilder', 'hintergrund.svg'), SVG);
  writeFileSync(join(dir, 'extra.css'), '.hinweis { color: rgb(0, 90, 0); }\n');
  const markdown = [
    'class: center, middle, inverse',
    '',
    '#Verteilte Systeme',
    '---',
    '# Knoten',
    '',
    'Ein Index $x\\_i$ und eine Menge $\\\\{a, b\\\\}$.',
    '',
    '.links[',
    '![Netz](bilder/netz.svg)',
    ']',
    '<img src="bilder/netz.svg" , width="40%">',
    '',
    '???',
    'Notiz &amp; mehr',
  ].join('\n');
  const page = `<!DOCTYPE html>
<html>
  <head>
    <title>Verteilte Systeme</title>
    <style>
      @import url(https://fonts.example.org/css?family=Serife);
      body { font-family: 'Serife'; }
      .inverse { background: url(bilder/hintergrund.svg); color: #eee; }
    </style>
    <link rel="stylesheet" href="extra.css">
  </head>
  <body>
    <textarea id="source">${markdown.replace(/</g, '&lt;')}</textarea>
    <script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>
    <script>
      remark.macros.gross = function () { return this.toUpperCase(); };
      var slideshow = remark.create({
        ratio: '16:9',
        highlightLines: 'true',
        highlightStyle: 'monokai',
        navigation: { scroll: false },
        slideNumberFormat: function (current, total) { return current; },
        timer: { startOnChange: false },
      });
    </script>
  </body>
</html>`;
  writeFileSync(join(dir, 'index.html'), page);
  return join(dir, 'index.html');
}

describe('npm run deck -- import', () => {
  it('a page with a textarea, options and <style> gives slides/<id>.md, .json and .css, and the deck builds', async () => {
    const source = join(work, 'seite', 'vortrag');
    const page = remarkPage(source);
    const project = join(work, 'projekt');
    const result = await importCli(project, page);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const markdown = readFileSync(join(project, 'slides/vortrag.md'), 'utf8');
    expect(markdown).toContain('# Verteilte Systeme');
    expect(markdown).toContain('Ein Index $x_i$ und eine Menge $\\{a, b\\}$.');
    expect(markdown).toContain('![Netz](media/vortrag/bilder/netz.svg)');
    expect(markdown).toContain('<img src="media/vortrag/bilder/netz.svg" , width="40%">');
    expect(markdown).toContain('Notiz & mehr');
    expect(readFileSync(join(project, 'media/vortrag/bilder/netz.svg'), 'utf8')).toBe(SVG);

    expect(JSON.parse(readFileSync(join(project, 'slides/vortrag.json'), 'utf8'))).toEqual({
      ratio: '16:9',
      highlightLines: true,
      highlightStyle: 'monokai',
      navigation: { scroll: false },
      inheritPresenterNotes: true,
    });

    const css = readFileSync(join(project, 'slides/vortrag.css'), 'utf8');
    expect(css.startsWith('@import url("https://fonts.example.org/css?family=Serife");')).toBe(true);
    expect(css).toContain('/* Grundmaße von remark.js');
    expect(css).toContain("body { font-family: 'Serife'; }");
    expect(css).toContain('.inverse { background: url(media/vortrag/bilder/hintergrund.svg); color: #eee; }');
    expect(css).toContain('.hinweis { color: rgb(0, 90, 0); }');

    expect(result.stdout).toContain(
      'Umgeschrieben, Zeile 3: Überschrift ohne Leerzeichen: „#Verteilte Systeme“ → „# Verteilte Systeme“',
    );
    expect(result.stdout).toContain(
      'Umgeschrieben, Zeile 7: Formel (Markdown-Backslashes entfernt, wie MathJax sie sah): „$x\\_i$“ → „$x_i$“',
    );
    expect(result.stdout).toContain(
      'Umgeschrieben, Zeile 10: Dateipfad: „bilder/netz.svg“ → „media/vortrag/bilder/netz.svg“',
    );
    expect(result.stdout).toContain('Makro „gross“');
    expect(result.stdout).toContain('Nicht übernommen: Option „slideNumberFormat“ ist keine feste Angabe');
    expect(result.stdout).toContain('Nicht übernommen: Option „timer“: die Referentenansicht hat ihren eigenen Timer');
    expect(result.stdout).toMatch(/Prüfung: slides\/vortrag\.md baut \(0 Warnungen\)/);

    const { deck, styles } = await loadDeck(join(project, 'slides/vortrag.md'), { root: project });
    expect(deck.options).toMatchObject({ ratio: '16:9', highlightLines: true, scroll: false });
    expect(deck.title).toBe('Verteilte Systeme');
    expect(deck.slides[1]!.html).toContain('<img src="media/vortrag/bilder/netz.svg" width="40%">');
    expect(deck.slides[1]!.notesHtml).toBe('<p>Notiz &#x26; mehr</p>');
    expect(styles.map((style) => style.includes('@font-face{font-display:block;font-family:KaTeX_AMS'))).toEqual([
      true,
      false,
    ]);
  });

  it('a bare .md keeps remark’s 4:3 explicitly; an existing deck is only replaced with --force', async () => {
    const project = join(work, 'md-projekt');
    const file = join(work, 'kurz.md');
    writeFileSync(file, '# Kurz\n---\nZwei');
    expect((await importCli(project, file)).code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'slides/kurz.json'), 'utf8'))).toEqual({
      ratio: '4:3',
      inheritPresenterNotes: true,
    });
    const again = await importCli(project, file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('slides/kurz.md gibt es schon; mit --force überschreiben');
    expect((await importCli(project, file, '--force', '--id', 'kurz-2')).code).toBe(0);
    expect(existsSync(join(project, 'slides/kurz-2.md'))).toBe(true);
  });

  it('a page that loads its Markdown at run time asks for --source, and then takes page and file together', async () => {
    const dir = join(work, 'laufzeit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<textarea id="source"></textarea><script>var p = location.search.slice(3); remark.create({ sourceUrl: p, ratio: "4:3" });</script>',
    );
    writeFileSync(join(dir, 'teil1.md'), '# Teil 1');
    const project = join(work, 'laufzeit-projekt');
    const refused = await importCli(project, join(dir, 'index.html'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Die Seite enthält keine Folien');
    const taken = await importCli(
      project,
      join(dir, 'index.html'),
      '--source',
      join(dir, 'teil1.md'),
      '--id',
      'teil-1',
    );
    expect(taken.code).toBe(0);
    expect(taken.stdout).toContain('Nicht übernommen: Option „sourceUrl“ ist keine feste Angabe');
    expect(readFileSync(join(project, 'slides/teil-1.md'), 'utf8')).toBe('# Teil 1\n');
  });
});
