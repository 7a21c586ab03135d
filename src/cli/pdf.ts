/**
 * `npm run pdf -- <deck-id> [--notes | --png [--width N] | --pptx | --handout 2|3] [--out pfad]`:
 * prints a deck of the built site in headless Chromium, diagrams drawn.
 * - PDF (default): one slide (or step) per page at the slide's size, with `--notes` the
 *   presenter notes under each slide.
 * - `--png`: one picture per slide and step into a folder, `--width` px wide.
 * - `--pptx`: one picture per slide (its last step) with its notes as speaker notes.
 * - `--handout 2|3`: A4 pages with 2 (notes below) or 3 (notes beside) slides each.
 * Builds the site first when it is missing or older than its slides, media or sources.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import Fastify from 'fastify';
import { sitePlugin } from '../server/site';
import { capture, completeSlides } from './export/capture';
import { writeHandout, type HandoutLayout } from './export/handout';
import { writePptx } from './export/pptx';
import { ensureFreshSite } from './fresh-site';

const USAGE = 'Aufruf: npm run pdf -- <deck-id> [--notes | --png [--width N] | --pptx | --handout 2|3] [--out pfad]';
/** Widest picture `--width` accepts (px). */
const MAX_WIDTH = 7680;
/** Width of the pictures in a PowerPoint file (px). */
const PPTX_WIDTH = 1920;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        notes: { type: 'boolean', default: false },
        png: { type: 'boolean', default: false },
        pptx: { type: 'boolean', default: false },
        handout: { type: 'string' },
        width: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const deckId = positionals[0];
if (!deckId || positionals.length > 1 || !/^[\w-]+$/.test(deckId)) fail(USAGE);
if ([values.notes, values.png, values.pptx, values.handout !== undefined].filter(Boolean).length > 1) {
  fail(`--notes, --png, --pptx und --handout schließen einander aus.\n${USAGE}`);
}
if (values.width !== undefined && !values.png) fail(`--width gilt nur mit --png.\n${USAGE}`);
const width = values.width === undefined ? undefined : Number(values.width);
if (width !== undefined && !(Number.isInteger(width) && width >= 1 && width <= MAX_WIDTH)) {
  fail(`--width: eine ganze Zahl von 1 bis ${MAX_WIDTH} (Pixel), nicht „${values.width}“.`);
}
if (values.handout !== undefined && values.handout !== '2' && values.handout !== '3') {
  fail(`--handout: 2 oder 3 Folien je Seite, nicht „${values.handout}“.`);
}
const handout = values.handout === undefined ? undefined : (Number(values.handout) as HandoutLayout);

const siteDir = resolve(process.env.SITE_DIR || 'dist');
const out = resolve(
  values.out ??
    (values.png
      ? `${deckId}-png`
      : values.pptx
        ? `${deckId}.pptx`
        : `${deckId}${values.notes ? '-notizen' : handout ? `-handout-${handout}` : ''}.pdf`),
);

await ensureFreshSite(siteDir);
if (!existsSync(join(siteDir, 'slides', deckId, 'index.html'))) {
  fail(`Foliensatz „${deckId}“ nicht gefunden: ${join(siteDir, 'slides', deckId, 'index.html')} fehlt.`);
}

const app = Fastify({ logger: false });
await app.register(sitePlugin, { root: siteDir });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const url = `${base}/slides/${deckId}/?print${values.notes ? '=notes' : ''}`;
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
try {
  if (values.png) {
    const { shots } = await capture(browser, url, width);
    mkdirSync(out, { recursive: true });
    const digits = String(shots.length).length;
    for (const [i, { png }] of shots.entries()) {
      writeFileSync(join(out, `${deckId}-${String(i + 1).padStart(digits, '0')}.png`), png);
    }
    console.log(`PNG geschrieben: ${out} (${shots.length} Bilder)`);
  } else if (values.pptx) {
    const pictures = await capture(browser, url, PPTX_WIDTH, completeSlides);
    await writePptx(pictures, out);
    console.log(`PPTX geschrieben: ${out} (${pictures.shots.length} Folien, mit Notizen)`);
  } else if (handout) {
    const { pages, cut } = await writeHandout(
      browser,
      await capture(browser, url, undefined, completeSlides),
      handout,
      out,
    );
    console.log(`Handout geschrieben: ${out} (${pages} Seiten, ${handout} Folien je Seite)`);
    if (cut.length > 0) console.warn(`Notizen zu lang für das Handout, abgeschnitten: Folie ${cut.join(', ')}`);
  } else {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('html[data-print="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
    const slides = await page.locator('.remark-slides-area .remark-slide-container').count();
    await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
    console.log(`PDF geschrieben: ${out} (${slides} Seiten${values.notes ? ', mit Notizen' : ''})`);
  }
} finally {
  await browser.close();
  await app.close();
}
