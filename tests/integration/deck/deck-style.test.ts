import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeDeckStyle } from '../../../src/deck/deck-style';
import type { DeckError } from '../../../src/deck/diagnostics';
import deckPages from '../../../src/deck/vite-plugin';
import taskCatalogue from '../../../src/widgets/catalogue-plugin';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'vs-deck-style-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const scope = (css: string) => scopeDeckStyle(css, 'slides/d.css', (url) => `/assets/${url}`);

describe('a deck’s own stylesheet, scoped to its slides', () => {
  it('places every selector inside the slide; `body` means the slide content, with only fonts and colours', () => {
    const { css, warnings } = scope(
      'h1, .inverse h2 { color: red }\n.remark-slide-content h3 { font-size: 2em }\nbody { font-family: Serif; background: black; margin: 0 }\n:root { --akzent: blue }\nbody.dunkel h1 { color: white }\n.remark-slide.x { top: 0 }',
    );
    expect(css).toBe(
      '.remark-slide h1, .remark-slide .inverse h2 { color: red }\n.remark-slide .remark-slide-content h3 { font-size: 2em }\n' +
        '.remark-slide .remark-slide-content { font-family: Serif }\n.remark-slide .remark-slide-content { --akzent: blue }\n' +
        '.remark-slide .remark-slide-content.dunkel h1 { color: white }\n.remark-slide.x { top: 0 }',
    );
    expect(warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [
        3,
        '„background“, „margin“ für die ganze Seite betrifft den Viewer und wird nicht übernommen; nur Schrift und Farbe gelten für die Folien',
      ],
    ]);
  });

  it('drops rules for the viewer’s own parts and @page, with a warning naming the line; keyframes stay', () => {
    const { css, warnings } = scope(
      '.remark-notes { display: none }\n.remark-slide-container, p { opacity: 0.5 }\n.vs-help { color: red }\n@page { size: A4 }\n@keyframes k { from { opacity: 0 } }',
    );
    expect(css).toBe('.remark-slide p { opacity: 0.5 }\n@keyframes k { from { opacity: 0 } }');
    expect(warnings.map((warning) => [warning.file, warning.line])).toEqual([
      ['slides/d.css', 1],
      ['slides/d.css', 2],
      ['slides/d.css', 3],
      ['slides/d.css', 4],
    ]);
    expect(warnings[0]!.message).toBe(
      '„.remark-notes“ betrifft den Viewer, nicht die Folien, und wird nicht übernommen',
    );
  });

  it('resolves local url()s like deck images; remote ones and @import of web fonts stay', () => {
    const { css } = scope(
      '@import url(https://fonts.example/x.css);\n.logo { background: url("media/logo.svg") }\n.w { background: url(https://example.com/a.png) }',
    );
    expect(css).toBe(
      '@import url(https://fonts.example/x.css);\n.remark-slide .logo { background: url("/assets/media/logo.svg") }\n.remark-slide .w { background: url(https://example.com/a.png) }',
    );
  });

  it('a missing or outside file and broken CSS are errors naming the stylesheet and line', () => {
    const errors = (css: string): string[] => {
      try {
        scopeDeckStyle(css, 'slides/d.css', (url) => {
          throw new Error(`Bild „${url}“ nicht gefunden`);
        });
      } catch (error) {
        return (error as DeckError).diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`);
      }
      throw new Error('expected an error');
    };
    expect(errors('a {}\n.x { background: url(weg.png) }')).toEqual(['2: Bild „weg.png“ nicht gefunden']);
    expect(errors('a {\n  color: red;\n')).toEqual([expect.stringMatching(/^1: kein gültiges CSS: Unclosed block/)]);
  });
});

describe('deck pages with their own style and with formulas (build, in Chromium)', () => {
  let server: Server;
  let base = '';
  let browser: Browser;
  let outDir = '';

  beforeAll(async () => {
    outDir = join(work, 'dist');
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      cacheDir: join(work, 'vite-cache'),
      plugins: [deckPages({ dir: 'tests/fixtures/decks/styled' }), taskCatalogue()],
      build: { outDir, emptyOutDir: true, rollupOptions: { input: {} } },
    });
    server = createServer((request, response) => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
      const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
      if (!file.startsWith(outDir) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
      response
        .writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' })
        .end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  /** Opens a deck page at a slide and lists every URL the page requested. */
  async function open(id: string, hash = ''): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${base}/slides/${id}/${hash}`);
    await page.waitForFunction(() => {
      const data = JSON.parse(document.getElementById('deck-data')?.textContent ?? '{}') as { slides?: unknown[] };
      return document.querySelectorAll('.remark-slides-area > .remark-slide-container').length === data.slides?.length;
    });
    await page.evaluate(() => document.fonts.ready);
    return { page, requests };
  }

  const colorOf = (page: Page, selector: string) =>
    page
      .locator(`.remark-slide-container.remark-visible ${selector}`)
      .first()
      .evaluate((node) => getComputedStyle(node).color);

  it('a deck without formulas loads no math bytes at all', async () => {
    const { page, requests } = await open('ohne');
    expect(requests.filter((url) => /katex/i.test(url))).toEqual([]);
    expect(await page.content()).not.toMatch(/katex/i);
    await page.close();
  });

  it('a deck with formulas loads the math stylesheet and fonts, but no math JavaScript', async () => {
    const plain = await open('ohne');
    const math = await open('formeln', '#2');
    const scripts = (requests: string[]) => requests.filter((url) => /\.m?js(\?|$)/.test(url));
    expect(scripts(math.requests)).toEqual(scripts(plain.requests));
    expect(math.requests.filter((url) => /KaTeX_[\w-]+\.woff2$/.test(url)).length).toBeGreaterThan(0);
    expect(math.requests.filter((url) => /\.(woff|ttf)$/.test(url))).toEqual([]);
    await expect
      .poll(() =>
        math.page.locator('.remark-visible .katex-display').evaluate((node) => getComputedStyle(node).display),
      )
      .toBe('block');
    await plain.page.close();
    await math.page.close();
  });

  it('the deck’s style shapes its slides on screen, in the presenter view and in print, and leaves the viewer alone', async () => {
    const { page } = await open('formeln', '#2');
    expect(await colorOf(page, 'h1')).toBe('rgb(10, 20, 30)');
    expect(await colorOf(page, '.hinweis')).toBe('rgb(0, 100, 0)');
    expect(
      await page.locator('.remark-visible .remark-slide-content').evaluate((node) => getComputedStyle(node).fontFamily),
    ).toBe('"Eigene Schrift", serif');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 0, 0)');
    expect(await page.locator('.remark-visible').evaluate((node) => getComputedStyle(node).transform)).toBe('none');

    await page.keyboard.press('p');
    await page.locator('.remark-notes').waitFor();
    expect(await page.locator('.remark-notes').evaluate((node) => getComputedStyle(node).display)).not.toBe('none');
    expect(await page.locator('.remark-notes').textContent()).toContain('Die Notiz nutzt den Stil');

    await page.keyboard.press('p');
    await page.emulateMedia({ media: 'print' });
    expect(await colorOf(page, 'h1')).toBe('rgb(10, 20, 30)');
    await page.close();
  });

  it('remark’s stock classes: `inverse` is a dark slide (the deck’s own rule on top), `.right[…]` a right-aligned block', async () => {
    const aligned = await open('formeln', '#2');
    expect(
      await aligned.page
        .locator('.remark-visible .right')
        .evaluate((node) => [getComputedStyle(node).display, getComputedStyle(node).textAlign]),
    ).toEqual(['block', 'right']);
    await aligned.page.close();
    const { page } = await open('formeln');
    expect(
      await page
        .locator('.remark-visible .remark-slide-content')
        .evaluate((node) => getComputedStyle(node).backgroundColor),
    ).toBe('rgb(31, 35, 40)');
    expect(await colorOf(page, 'h1')).toBe('rgb(250, 250, 250)');
    await page.close();
  });
});
