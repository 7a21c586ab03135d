/**
 * Public remark.js decks by other people, shown by remark.js itself and by us, slide by slide
 * (`npm run bench:remark`). Nothing of these decks or of remark.js is in this repository: the
 * script names each deck's source (repository, commit, files) and reads them from a folder.
 *
 *   REMARK_DECKS=/pfad/zu/den/repositories REMARK_JS=/pfad/remark-latest.min.js npm run bench:remark
 *   npm run bench:remark -- --decks DIR --remark FILE [--shots DIR]
 *
 * `--decks DIR` holds one folder per repository, named `<owner>+<name>`: either a checkout at
 * the commit below, or a bare clone in `<owner>+<name>/repo` (`git clone --bare`). `--remark`
 * is remark.js 0.14.1 (`remark-latest.min.js` from the gh-pages branch of gnab/remark).
 *
 * For each deck: its page is served on loopback and opened in Chromium with remark.js (every
 * other request from the web is refused), the deck is imported with `npm run deck -- import`
 * into a temporary project and compiled, and both are compared slide by slide: count,
 * numbers, names, classes, visible text (formulas by their TeX), notes, marked code lines.
 * `--only ID` compares one deck. With `--shots DIR`, remark.js and our slide side by side for a two-column, an `inverse`, a
 * math and a code slide.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { compileDeck } from '../src/deck/compile';
import { scopeDeckStyle } from '../src/deck/deck-style';
import { DeckError } from '../src/deck/diagnostics';
import { importDeck } from '../src/deck/import/import';
import { mathStylesheet } from '../src/deck/math-style';
import { parseSettings } from '../src/deck/options';
import type { Deck } from '../src/shared/deck';
import { CANVAS, slideRegionContent } from '../src/shared/slide-markup';

interface DeckSource {
  id: string;
  repo: string;
  commit: string;
  /** The page that shows the deck with remark.js. */
  page: string;
  /** The Markdown, when the page takes it from its URL (`?p=…`) at run time. */
  source?: string;
  /** What to take from the repository (default: the page's folder). */
  paths?: string[];
}

const DECKS: DeckSource[] = [
  {
    id: 'remark-intro',
    repo: 'gnab/remark',
    commit: 'b01c7dcef72a8c73b35ee96b4cd98576bf2e4a7c',
    page: 'index.html',
    paths: ['index.html', 'remark.language.js'],
  },
  {
    id: 'lsds-lecture2',
    repo: 'glouppe/info8002-large-scale-data-systems',
    commit: '8f98faa0b9410ae9fc6bf1dba310411020b0342a',
    page: 'index.html',
    source: 'lecture2.md',
    paths: ['index.html', 'lecture2.md', 'assets', 'figures/lec2'],
  },
  {
    id: 'dl-lecture2',
    repo: 'glouppe/info8010-deep-learning',
    commit: '9175a6f0b4376db4b867a2633979c85347c42d73',
    page: 'index.html',
    source: 'lecture2.md',
    paths: ['index.html', 'lecture2.md', 'assets', 'figures/lec2'],
  },
  {
    id: 'rsa',
    repo: 'fifth-postulate/rsa-exposition',
    commit: '90af92997b61098427809d92c6b3b5f3af9a3d4d',
    page: 'docs/index.html',
  },
  {
    id: 'rubyconf2017',
    repo: 'mrkn/talks',
    commit: 'd3e86219e6715b2942baee67270c19a44bba088c',
    page: '2017/rubyconf2017/remark.html',
  },
];

/** What is compared of one slide, read from the DOM the same way for both. */
interface SlideFacts {
  number: string;
  name: string;
  classes: string;
  text: string;
  notes: string;
  marked: string;
}
type Field = keyof SlideFacts;
const FIELDS: Field[] = ['number', 'name', 'classes', 'text', 'notes', 'marked'];

const root = resolve(import.meta.dirname, '..');
/** Stands in for MathJax 2 from a CDN, so a page that configures it still starts remark.js. */
const MATHJAX_STANDIN =
  'window.MathJax = { Hub: { Config() {}, Configured() {}, Queue() {}, Register: { StartupHook() {} } } };';
const USAGE =
  'Aufruf: npm run bench:remark -- --decks DIR --remark remark-latest.min.js [--shots DIR] (oder REMARK_DECKS, REMARK_JS)';

const { values } = parseArgs({
  options: {
    decks: { type: 'string' },
    remark: { type: 'string' },
    shots: { type: 'string' },
    only: { type: 'string' },
  },
});
const decksDir = values.decks ?? process.env.REMARK_DECKS;
const remarkJs = values.remark ?? process.env.REMARK_JS;
if (!decksDir || !remarkJs || !existsSync(remarkJs)) {
  console.error(USAGE);
  process.exit(2);
}
const remarkSource = readFileSync(remarkJs, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'vs-remark-compare-'));

/** Serves `dir` on loopback; `/__ours/…` serves our rendering's files (imported images, math fonts) by path. */
async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const ours = path.startsWith('/__ours/');
    const file = ours ? normalize(path.slice('/__ours'.length)) : join(dir, normalize(path));
    const allowed = ours ? [work, join(root, 'node_modules/katex/dist/fonts')] : [dir];
    if (!existsSync(file) || !allowed.some((prefix) => file.startsWith(prefix))) {
      response.writeHead(404).end();
      return;
    }
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.md': 'text/plain; charset=utf-8',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.svg': 'image/svg+xml',
    };
    // Our slides are drawn in a page of their own, so its fonts come from another origin.
    response
      .writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Access-Control-Allow-Origin': '*',
      })
      .end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { server, base: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
}

/** The deck's files at its commit, from a bare clone or a checkout. */
function extract(deck: DeckSource): string {
  const folder = join(decksDir!, deck.repo.replace('/', '+'));
  const target = join(work, 'src', deck.id);
  mkdirSync(target, { recursive: true });
  const paths = deck.paths ?? [dirname(deck.page)];
  const bare = join(folder, 'repo');
  if (existsSync(bare)) {
    // A snapshot may lack very large files elsewhere in the repository; git names them on stderr.
    const tar = execFileSync('git', ['--git-dir', bare, 'archive', deck.commit, '--', ...paths], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    execFileSync('tar', ['-x', '-C', target], { input: tar });
  } else if (existsSync(folder)) {
    for (const path of paths) cpSync(join(folder, path), join(target, path), { recursive: true });
  } else {
    throw new Error(`${folder} fehlt (${deck.repo} @ ${deck.commit})`);
  }
  return target;
}

/** Runs in the page: the facts of every slide under `.remark-slides-area`. */
function readSlides(): SlideFacts[] {
  const squeeze = (text: string): string => text.replace(/\s+/g, '');
  const plain = (element: Element | null): string => {
    if (!element) return '';
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.remark-slide-number').forEach((node) => node.remove());
    copy.querySelectorAll('.katex').forEach((node) => {
      const tex = node.querySelector('annotation')?.textContent ?? '';
      node.replaceWith(`$${tex}$`);
    });
    return squeeze((copy.textContent ?? '').replace(/\$\$/g, '$'));
  };
  return Array.from(document.querySelectorAll('.remark-slides-area > .remark-slide-container'), (container) => {
    const content = container.querySelector('.remark-slide-content')!;
    return {
      number: squeeze(content.querySelector('.remark-slide-number')?.textContent ?? ''),
      name: content.id.replace(/^slide-/, ''),
      classes: Array.from(content.classList)
        .filter((name) => !name.startsWith('remark-') && !name.startsWith('hljs-'))
        .sort()
        .join(' '),
      text: plain(content),
      notes: plain(container.querySelector('.remark-slide-notes')),
      marked: Array.from(content.querySelectorAll('.remark-code-line-highlighted'), (line) =>
        squeeze(line.textContent ?? ''),
      ).join('|'),
    };
  });
}

/** `readSlides` in the page (tsx names inner functions with a helper the page must have). */
async function factsOf(page: Page): Promise<SlideFacts[]> {
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(readSlides);
}

async function remarkSlides(page: Page, base: string, deck: DeckSource): Promise<SlideFacts[]> {
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (/\/remark(-latest)?(\.min)?\.js(\?|$)/.test(url)) {
      await route.fulfill({ contentType: 'text/javascript', body: remarkSource });
    } else if (!url.startsWith(base) && /mathjax/i.test(url)) {
      // MathJax from the web is not loaded: formulas stay TeX source, which is what is compared.
      await route.fulfill({ contentType: 'text/javascript', body: MATHJAX_STANDIN });
    } else if (url.startsWith(base)) {
      await route.continue();
    } else {
      await route.abort();
    }
  });
  const query = deck.source ? `?p=${encodeURIComponent(deck.source)}` : '';
  await page.goto(`${base}/${deck.page}${query}`);
  await page.waitForFunction(() => document.querySelectorAll('.remark-slide-container').length > 0, undefined, {
    timeout: 30_000,
  });
  // KaTeX's auto-render, where a page has it, runs after remark.js has drawn the slides.
  await page.waitForTimeout(1000);
  return factsOf(page);
}

interface Ours {
  deck: Deck;
  styles: string[];
  /** Import report lines saying what differs. */
  report: string[];
}

async function ourDeck(deck: DeckSource, dir: string): Promise<Ours> {
  const project = join(work, 'project', deck.id);
  mkdirSync(join(project, 'slides'), { recursive: true });
  const imported = await importDeck(join(dir, deck.page), {
    root: project,
    id: deck.id,
    force: true,
    ...(deck.source ? { source: join(dir, deck.source) } : {}),
  });
  const slides = join(project, 'slides');
  const file = (name: string): string | undefined =>
    existsSync(join(slides, name)) ? readFileSync(join(slides, name), 'utf8') : undefined;
  // Missing images are reported by the import; here they only need a URL.
  const url = (path: string): string => `/__ours${resolve(project, path)}`;
  const { settings } = parseSettings(file(`${deck.id}.json`) ?? '{}', `${deck.id}.json`);
  const compiled = await compileDeck({
    id: deck.id,
    file: `slides/${deck.id}.md`,
    source: file(`${deck.id}.md`)!,
    settings,
    resolveAsset: (path) => url(path),
  });
  const css = file(`${deck.id}.css`);
  const styles = [
    ...(compiled.math ? [mathStylesheet((font) => `/__ours${font}`)] : []),
    ...(css ? [scopeDeckStyle(css, `${deck.id}.css`, url).css] : []),
  ];
  return { deck: compiled.deck, styles, report: imported.report };
}

/** Our slides, drawn with our slide stylesheet and the deck's styles, read like remark's. */
async function ourSlides(page: Page, ours: Ours, base: string): Promise<SlideFacts[]> {
  const css = readFileSync(join(root, 'src/viewer/styles/slide.css'), 'utf8');
  const { width, height } = CANVAS[ours.deck.options.ratio];
  const regions = ours.deck.slides
    .map((slide) => `<section class="remark-slide-container">${slideRegionContent(ours.deck, slide)}</section>`)
    .join('');
  const styles = [css, ...ours.styles].map((style) => `<style>${style}</style>`).join('');
  await page.setContent(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><base href="${base}/">${styles}<style>.remark-slide-notes{display:none}.remark-slide-container{display:none}.remark-slide-container.shown{display:block}</style></head>` +
      `<body style="margin:0"><main class="remark-container" style="--vs-canvas-w: ${width}px; --vs-canvas-h: ${height}px"><div class="remark-slides-area">${regions}</div></main></body></html>`,
    { waitUntil: 'load' },
  );
  return factsOf(page);
}

interface Difference {
  slide: number;
  field: Field | 'count';
  remark: string;
  ours: string;
}

function compare(remark: SlideFacts[], ours: SlideFacts[]): Difference[] {
  const differences: Difference[] = [];
  if (remark.length !== ours.length) {
    differences.push({ slide: 0, field: 'count', remark: String(remark.length), ours: String(ours.length) });
  }
  for (let i = 0; i < Math.min(remark.length, ours.length); i++) {
    for (const field of FIELDS) {
      if (remark[i]![field] !== ours[i]![field]) {
        differences.push({ slide: i + 1, field, remark: remark[i]![field], ours: ours[i]![field] });
      }
    }
  }
  return differences;
}

/** Where two texts first part, with a little context. */
function firstDifference(a: string, b: string): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const from = Math.max(0, at - 20);
  return `remark.js „…${a.slice(from, at + 30)}…“ / wir „…${b.slice(from, at + 30)}…“`;
}

const SHOTS: { deck: string; kind: string; pick: (facts: SlideFacts, html: string) => boolean }[] = [
  { deck: 'remark-intro', kind: 'zweispaltig', pick: (_facts, html) => html.includes('class="left-column"') },
  { deck: 'remark-intro', kind: 'inverse', pick: (facts) => facts.classes.split(' ').includes('inverse') },
  { deck: 'remark-intro', kind: 'code', pick: (_facts, html) => html.includes('remark-code-line-highlighted') },
  { deck: 'dl-lecture2', kind: 'formel', pick: (_facts, html) => html.includes('katex-display') },
  {
    deck: 'lsds-lecture2',
    kind: 'spalten-bild',
    pick: (_facts, html) => html.includes('class="grid"') && html.includes('<img'),
  },
];

async function screenshots(
  browser: Browser,
  deck: DeckSource,
  base: string,
  ours: Ours,
  facts: SlideFacts[],
  dir: string,
): Promise<string[]> {
  const files: string[] = [];
  for (const shot of SHOTS.filter((entry) => entry.deck === deck.id)) {
    const index = ours.deck.slides.findIndex((slide, i) => facts[i] && shot.pick(facts[i], slide.html));
    if (index === -1) continue;
    const { width, height } = CANVAS[ours.deck.options.ratio];
    const remarkPage = await browser.newPage({ viewport: { width: Math.round((681 * width) / height), height: 681 } });
    await remarkSlides(remarkPage, base, deck);
    await remarkPage.evaluate(
      (n) => (window as unknown as { slideshow: { gotoSlide(n: number): void } }).slideshow.gotoSlide(n),
      index + 1,
    );
    await remarkPage.waitForTimeout(500);
    const left = await remarkPage.locator('.remark-visible .remark-slide-scaler').screenshot();
    await remarkPage.close();

    const ourPage = await browser.newPage({ viewport: { width, height } });
    await ourSlides(ourPage, ours, base);
    await ourPage.evaluate(
      (n) => document.querySelectorAll('.remark-slide-container')[n]!.classList.add('shown'),
      index,
    );
    // Fonts start loading once the slide is shown; `fonts.ready` then waits for them.
    await ourPage.evaluate(() => new Promise(requestAnimationFrame));
    await ourPage.evaluate(() => document.fonts.ready);
    const right = await ourPage.locator('.remark-slide-container.shown .remark-slide').screenshot();
    await ourPage.close();

    const combined = await browser.newPage({ viewport: { width: 1600, height: 700 } });
    await combined.setContent(
      `<body style="margin:0;display:flex;gap:16px;padding:16px;background:#888;font:16px sans-serif;align-items:flex-start">` +
        `<figure style="margin:0"><img style="height:600px" src="data:image/png;base64,${left.toString('base64')}"><figcaption>remark.js 0.14.1</figcaption></figure>` +
        `<figure style="margin:0"><img style="height:600px" src="data:image/png;base64,${right.toString('base64')}"><figcaption>wir</figcaption></figure></body>`,
    );
    const file = join(dir, `${deck.id}-${shot.kind}-folie-${index + 1}.png`);
    await combined.screenshot({ path: file, fullPage: true });
    await combined.close();
    files.push(file);
  }
  return files;
}

const browser = await chromium.launch({
  ...(existsSync('/usr/bin/chromium') ? { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
const rows: Record<string, Record<string, string | number>> = {};
const notes: string[] = [];
try {
  for (const deck of DECKS.filter((entry) => !values.only || entry.id === values.only)) {
    const dir = extract(deck);
    const { server, base } = await serve(dir);
    try {
      const remarkPage = await browser.newPage({ viewport: { width: 1210, height: 681 } });
      const remark = await remarkSlides(remarkPage, base, deck);
      await remarkPage.close();
      let ours: Ours;
      try {
        ours = await ourDeck(deck, dir);
      } catch (error) {
        if (!(error instanceof DeckError)) throw error;
        rows[deck.id] = {
          Quelle: `${deck.repo}@${deck.commit.slice(0, 7)}`,
          'Folien remark.js': remark.length,
          'Folien wir': '–',
          abweichend: 'baut nicht',
        };
        notes.push(`${deck.id}: ${error.message}`);
        continue;
      }
      const ourPage = await browser.newPage();
      const facts = await ourSlides(ourPage, ours, base);
      await ourPage.close();
      const differences = compare(remark, facts);
      const slides = new Set(differences.map((difference) => difference.slide));
      rows[deck.id] = {
        Quelle: `${deck.repo}@${deck.commit.slice(0, 7)} ${deck.source ?? deck.page}`,
        'Folien remark.js': remark.length,
        'Folien wir': facts.length,
        abweichend: slides.size,
        Felder: [...new Set(differences.map((difference) => difference.field))].join(', ') || '–',
      };
      for (const difference of differences) {
        notes.push(
          `${deck.id} Folie ${difference.slide} ${difference.field}: ${difference.field === 'text' || difference.field === 'notes' ? firstDifference(difference.remark, difference.ours) : `remark.js „${difference.remark}“ / wir „${difference.ours}“`}`,
        );
      }
      const paths = ours.report.filter((line) => line.includes(': Dateipfad: ')).length;
      if (paths > 0) notes.push(`${deck.id} Import: ${paths} Dateipfade nach media/${deck.id}/ umgeschrieben`);
      notes.push(
        ...ours.report
          .filter((line) => /^(Umgeschrieben|Nicht übernommen|Fehlt)/.test(line) && !line.includes(': Dateipfad: '))
          .map((line) => `${deck.id} Import: ${line}`),
      );
      if (values.shots) {
        mkdirSync(values.shots, { recursive: true });
        for (const file of await screenshots(browser, deck, base, ours, facts, values.shots))
          notes.push(`Bild: ${file}`);
      }
    } finally {
      server.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

console.table(rows);
console.log(notes.map((line) => `- ${line}`).join('\n'));
