import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, createServer, type InlineConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import deckPages from '../../../src/deck/vite-plugin';
import taskCatalogue from '../../../src/widgets/catalogue-plugin';
import { DECK_DATA_ID, type Deck } from '../../../src/shared/deck';

const root = resolve(import.meta.dirname, '../../..');
const fixtures = resolve(import.meta.dirname, '../../fixtures/decks');
const work = mkdtempSync(join(tmpdir(), 'vs-deck-plugin-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function config(dir: string, extra: InlineConfig = {}): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'silent',
    cacheDir: join(work, 'vite-cache'),
    // No dependency optimiser: it would still be writing its cache while the test removes the folder.
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [deckPages({ dir }), taskCatalogue()],
    ...extra,
  };
}

/** Builds only the deck pages, plus `input` (a build needs at least one input). */
async function buildSite(dir: string, input: Record<string, string> = {}): Promise<string> {
  const outDir = mkdtempSync(join(work, 'dist-'));
  await build(config(dir, { build: { outDir, emptyOutDir: true, rollupOptions: { input } } }));
  return outDir;
}

function deckData(html: string): Deck {
  const match = new RegExp(`<script type="application/json" id="${DECK_DATA_ID}">(.*?)</script>`, 's').exec(html);
  return JSON.parse(match![1]!) as Deck;
}

const scriptsOf = (html: string): string[] =>
  Array.from(html.matchAll(/<script type="module"[^>]* src="([^"]+)"/g), (match) => match[1]!);

describe('deck pages in the build', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await buildSite('tests/fixtures/decks/valid');
  });

  it('writes /slides/<id>/index.html for every deck, not for quiz banks, and drops the template', () => {
    expect(readdirSync(join(outDir, 'slides')).sort()).toEqual(['beispiel', 'zweiter']);
    expect(existsSync(join(outDir, 'src'))).toBe(false);
  });

  it('fills in title and deck data; the viewer script is bundled once and shared', () => {
    const beispiel = readFileSync(join(outDir, 'slides/beispiel/index.html'), 'utf8');
    const zweiter = readFileSync(join(outDir, 'slides/zweiter/index.html'), 'utf8');
    expect(beispiel).toContain('<title>Ein Beispiel-Foliensatz</title>');
    expect(deckData(beispiel)).toMatchObject({ id: 'beispiel', chapter: 'Übung 9', options: { ratio: '4:3' } });
    expect(scriptsOf(beispiel)).toHaveLength(1);
    expect(scriptsOf(beispiel)).toEqual(scriptsOf(zweiter));
    expect(existsSync(join(outDir, scriptsOf(beispiel)[0]!))).toBe(true);
  });

  it('puts the first slide and the page styles into the page, so the slide shows before any request', () => {
    const beispiel = readFileSync(join(outDir, 'slides/beispiel/index.html'), 'utf8');
    expect(beispiel).not.toMatch(/<link rel="stylesheet"/);
    expect(beispiel).toMatch(/<style>[^<]*\.remark-slide-scaler\{/);
    expect(beispiel).toContain('<main class="remark-container" style="--vs-canvas-w: 960px; --vs-canvas-h: 720px">');
    expect(beispiel).toMatch(
      /<section class="remark-slide-container remark-visible" aria-label="Folie 1 von \d+" tabindex="-1"><div class="remark-slide-scaler">/,
    );
    // Styles of what loads later (search, polls) come with it; none is linked by the page.
    expect(beispiel).not.toMatch(/\.css"/);
  });

  it('resolves deck images to hashed assets in the build', () => {
    const deck = deckData(readFileSync(join(outDir, 'slides/beispiel/index.html'), 'utf8'));
    const src = /<img src="([^"]+)"/.exec(deck.slides[1]!.html)![1]!;
    expect(src).toMatch(/^\/assets\/knoten-[0-9a-f]{8}\.svg$/);
    expect(readFileSync(join(outDir, src), 'utf8')).toContain('<title>Zwei Knoten</title>');
  });

  it('fails the build for a missing image, naming the deck file and line', async () => {
    await expect(buildSite('tests/fixtures/decks/broken')).rejects.toThrow(
      /tests\/fixtures\/decks\/broken\/fehlendes-bild\.md:7: Folie 2: Bild „media\/gibt-es-nicht\.svg“ nicht gefunden/,
    );
  });

  it('builds without deck pages when the directory has no decks', async () => {
    const empty = await buildSite('tests/fixtures/decks/empty', { seite: join(fixtures, 'empty/seite.html') });
    expect(existsSync(join(empty, 'slides'))).toBe(false);
    expect(existsSync(join(empty, 'tests/fixtures/decks/empty/seite.html'))).toBe(true);
  });
});

describe('deck pages in vite dev', () => {
  let server: ViteDevServer;
  let base: string;
  const decks = join(work, 'dev-decks');

  beforeAll(async () => {
    cpSync(join(fixtures, 'valid'), decks, { recursive: true });
    server = await createServer(config(decks, { appType: 'mpa', server: { host: '127.0.0.1', port: 0 } }));
    await server.listen();
    base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  });
  afterAll(() => server?.close());

  it('serves the page through Vite with the dev client and dev image URLs', async () => {
    const response = await fetch(`${base}/slides/beispiel/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('/@vite/client');
    const src = /<img src="([^"]+)"/.exec(deckData(html).slides[1]!.html)![1]!;
    expect((await fetch(`${base}${src}`)).status).toBe(200);
  });

  it('redirects /slides/<id> to /slides/<id>/ and leaves unknown decks and quiz banks alone', async () => {
    const redirect = await fetch(`${base}/slides/beispiel`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/slides/beispiel/');
    expect((await fetch(`${base}/slides/gibtsnicht/`)).status).toBe(404);
    expect((await fetch(`${base}/slides/zweiter.quiz/`)).status).toBe(404);
  });

  it('shows a broken deck’s errors as a page', async () => {
    writeFileSync(join(decks, 'kaputt.md'), '# A\n\n![:unbekannt]()');
    const response = await fetch(`${base}/slides/kaputt/`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('kaputt.md:3: Folie 1: Unbekanntes Makro „unbekannt“');
  });

  it('reloads the page when its deck file changes, keeping the slide in the hash', async () => {
    const browser = await chromium.launch({
      ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/slides/zweiter/#1`);
      const title = () =>
        page.evaluate((id) => (JSON.parse(document.getElementById(id)!.textContent!) as Deck).title, DECK_DATA_ID);
      expect(await title()).toBe('Zweiter Foliensatz');
      writeFileSync(join(decks, 'zweiter.md'), '# Neu geladen');
      await expect.poll(title, { timeout: 15_000 }).toBe('Neu geladen');
      expect(new URL(page.url()).hash).toBe('#1');
    } finally {
      await browser.close();
    }
  });
});
