import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';
import { DeckRegistry } from '../../../src/deck/registry';
import deckPages from '../../../src/deck/vite-plugin';
import taskCatalogue from '../../../src/widgets/catalogue-plugin';
import quizPages from '../../../src/quiz-bank/vite-plugin';
import sitePages from '../../../src/site/vite-plugin';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'vs-registry-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a build compiles each deck once for deck pages, quiz pages and course lists', { timeout: 120_000 }, async () => {
  const registry = new DeckRegistry({ root, dir: 'tests/fixtures/decks/course' });
  const listPage = join(root, 'tests/fixtures/pages/liste.html');
  const outDir = join(work, 'dist');
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    cacheDir: join(work, 'vite-cache'),
    plugins: [deckPages({ registry }), quizPages({ registry }), sitePages({ registry }), taskCatalogue()],
    build: { outDir, emptyOutDir: true, rollupOptions: { input: { liste: listPage } } },
  });
  expect(existsSync(join(outDir, 'slides/zwei/index.html'))).toBe(true);
  expect(existsSync(join(outDir, 'quiz/eins/index.html'))).toBe(true);
  expect(readFileSync(join(outDir, 'tests/fixtures/pages/liste.html'), 'utf8')).toContain('Zweiter Foliensatz');
  expect(registry.files()).toHaveLength(2);
  expect(registry.compilations).toBe(2);
});
