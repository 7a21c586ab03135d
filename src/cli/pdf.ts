/**
 * `npm run pdf -- <deck-id> [--notes] [--out datei.pdf]`: prints a deck of the built site to
 * PDF in headless Chromium, one slide (or step) per page at the slide's size, diagrams drawn,
 * with `--notes` the presenter notes under each slide. Builds the site first when it is missing
 * or older than its slides, media or sources.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import Fastify from 'fastify';
import { sitePlugin } from '../server/site';
import { ensureFreshSite } from './fresh-site';

const USAGE = 'Aufruf: npm run pdf -- <deck-id> [--notes] [--out datei.pdf]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { notes: { type: 'boolean', default: false }, out: { type: 'string' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();
const deckId = positionals[0];
if (!deckId || positionals.length > 1 || !/^[\w-]+$/.test(deckId)) fail(USAGE);

const siteDir = resolve(process.env.SITE_DIR || 'dist');
const out = resolve(values.out ?? `${deckId}${values.notes ? '-notizen' : ''}.pdf`);

await ensureFreshSite(siteDir);
if (!existsSync(join(siteDir, 'slides', deckId, 'index.html'))) {
  fail(`Foliensatz „${deckId}“ nicht gefunden: ${join(siteDir, 'slides', deckId, 'index.html')} fehlt.`);
}

const app = Fastify({ logger: false });
await app.register(sitePlugin, { root: siteDir });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(`${base}/slides/${deckId}/?print${values.notes ? '=notes' : ''}`);
  await page.locator('html[data-print="ready"]').waitFor({ state: 'attached', timeout: 120_000 });
  const slides = await page.locator('.remark-slides-area .remark-slide-container').count();
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  console.log(`PDF geschrieben: ${out} (${slides} Seiten${values.notes ? ', mit Notizen' : ''})`);
} finally {
  await browser.close();
  await app.close();
}
