/**
 * `npm run bench:viewer`: the slide viewer against reveal.js 6 (and remark.js, when `REMARK_JS`
 * names a copy of `remark-latest.min.js`) on the same 70-slide deck, served by the same static
 * server and measured in one headless Chromium run, the sites taking turns round by round:
 *   (1) JS+CSS before the first slide (gzip), all bytes but images, requests on first load
 *       (without the visit beacon)
 *   (2) navigation → the first slide's title visible
 *   (3) → key → the next slide's title visible, median and p95 over 200 advances, and the
 *       frames in between in which no slide was visible at all (must be 0); beside it the part
 *       the page itself spends, from its first keydown listener on (the rest is the way of the
 *       key to the page, which grows with the load of a shared machine)
 *   (4) cold deep link to a diagram slide → the diagram visible
 *   (5) JS heap after load (after GC)
 * "Visible" is what a person sees: `checkVisibility` with opacity and visibility, and a box
 * with an area inside the viewport, checked on every DOM mutation and every animation frame,
 * timed from the keydown event's own time stamp.
 * reveal.js is installed by npm into a temporary folder (never into the project); without a
 * network that comparison is skipped with a message. `BENCH_KEEP=1` keeps the folder.
 * Exit code 1 if any advance showed a blank frame.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import Fastify from 'fastify';
import { build, loadConfigFromFile, type PluginOption } from 'vite';
import type { Deck } from '../src/shared/deck';
import deckPages from '../src/deck/vite-plugin';
import { sitePlugin } from '../src/server/site';

const ROOT = resolve(import.meta.dirname, '..');
const DECK_PLUGIN = deckPages().name;
const SLIDES = 70;
/** Slides (1-based) with a mermaid diagram; the advances run over slides 1–21, far from them. */
const DIAGRAMS = [30, 45, 60];
const ADVANCES_PER_LOAD = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const RUNS = { diagram: Math.min(ROUNDS, 9), heap: 3 };

/** remark.js 0.14 and reveal.js 6 from the measurements in the issue, for targets when remark.js is not run here. */
const ISSUE_TABLE = {
  remark: { firstMs: 417, diagramMs: 1374, requests: 5, heapMb: 3.5 },
  reveal: { firstMs: 668, diagramMs: 1571 },
};

interface Site {
  label: string;
  url(position: number): string;
}

interface Figures {
  firstLoadKb: number;
  allKb: number;
  requests: number;
  firstMs: number;
  advanceMs: number;
  advanceP95Ms: number;
  workMs: number;
  advances: number;
  blankFrames: number;
  diagramMs: number;
  heapMb: number;
}

/**
 * The marker of displayed slide `n`: an element that only slide `n` shows (its title, or the
 * part a step adds). The same Markdown feeds all three sites, so they show the same markers.
 */
function mark(n: number, text: string, tag = 'span'): string {
  return `<${tag} data-bench="${n}">${text}</${tag}>`;
}

/** 70 displayed slides of the kinds a lecture deck has: lists, code, tables, columns, steps, notes. */
function benchDeck(): string {
  const slides = [
    `class: center, middle\nname: titel\n\n# ${mark(1, 'Verteilte Systeme')}\n\n## Benchmark-Foliensatz mit 70 Folien\n\n???\nTitelfolie.`,
  ];
  let shown = 1;
  while (shown < SLIDES) {
    const n = shown + 1;
    // A slide with a step is shown twice; it must neither end past the last slide nor cover a diagram position.
    const steps = n % 5 === 4 && n < SLIDES && !DIAGRAMS.includes(n + 1);
    slides.push(DIAGRAMS.includes(n) ? diagramSlide(n) : contentSlide(n, steps));
    shown += steps ? 2 : 1;
  }
  return slides.join('\n---\n');
}

function contentSlide(n: number, steps: boolean): string {
  const notes = `\n???\nNotizen zu Folie ${n}: Beispiel nennen, Rückfrage an den Saal, Überleitung zur nächsten Folie.`;
  if (steps) {
    return `# ${mark(n, `Folie ${n}: Merksatz`)}\n\nEin verteiltes System ist eines, in dem der Ausfall eines Rechners, von dem man nicht einmal wusste, dass es ihn gibt, den eigenen Rechner unbrauchbar machen kann.\n\n> Fehler sind der Normalfall, nicht die Ausnahme.\n\n--\n\nDie Antwort: immer ${mark(n + 1, 'Timeouts, Wiederholungen, Idempotenz.', 'strong')}\n${notes}`;
  }
  const title = `# ${mark(n, `Folie ${n}`)}`;
  switch (n % 4) {
    case 0:
      return `name: folie-${n}\n\n${title}: Eigenschaften\n\n- Nebenläufigkeit: viele Knoten arbeiten gleichzeitig\n- Kein globaler Takt: Uhren laufen auseinander\n- Unabhängige Ausfälle: ein Knoten fällt, die anderen nicht\n- Transparenz: der Nutzer sieht *ein* System\n${notes}`;
    case 1:
      return `${title}: Ein kleiner Server\n\n\`\`\`js\nimport http from 'node:http';\nconst visits = [];\n*http.createServer((req, res) => {\n  visits.push({ at: Date.now(), path: req.url });\n*  res.end(JSON.stringify({ count: visits.length }));\n}).listen(${8000 + n});\n\`\`\`\n${notes}`;
    case 2:
      return `${title}: Vergleich\n\n| Merkmal | Monolith | Microservices |\n|---|---|---|\n| Deployment | eines | viele |\n| Aufrufe | im Prozess | über das Netz |\n| Skalierung | als Ganzes | je Dienst |\n| Fehlersuche | einfach | verteilt |\n${notes}`;
    default:
      return `${title}: Zwei Seiten\n\n.pull-left[\n### Synchron\n\n- Aufrufer wartet\n- einfache Fehlerbehandlung\n]\n\n.pull-right[\n### Asynchron\n\n- Nachricht in eine Queue\n- entkoppelt und robust\n]\n${notes}`;
  }
}

function diagramSlide(n: number): string {
  return `name: diagramm-${n}\n\n# ${mark(n, `Folie ${n}`)}: Ablauf\n\n\`\`\`mermaid\nflowchart LR\n  C[Client] -->|Anfrage| G[API-Gateway]\n  G --> A[Auftragsdienst]\n  G --> Z[Zahlungsdienst]\n  A --> Q[(Queue)]\n  Q --> W[Worker]\n\`\`\`\n\n???\nDiagramm erklären.`;
}

/** The project's own build (same pages, same chunks), with the deck plugin reading the bench folder. */
async function buildSite(deckDir: string, outDir: string): Promise<void> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    ROOT,
    'error',
    undefined,
    'runner',
  );
  if (!loaded) throw new Error('vite.config.ts nicht gefunden');
  // Loading the config through Vite's module runner leaves NODE_ENV at development; the build would
  // then keep development-only code (the overflow warning) and measure a site nobody ships.
  process.env.NODE_ENV = 'production';
  const plugins = ((loaded.config.plugins ?? []) as unknown[])
    .flat(3)
    .filter(
      (plugin) => !(typeof plugin === 'object' && plugin !== null && 'name' in plugin && plugin.name === DECK_PLUGIN),
    );
  await build({
    ...loaded.config,
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    plugins: [...(plugins as PluginOption[]), deckPages({ dir: deckDir })],
    build: { ...loaded.config.build, outDir, emptyOutDir: true },
  });
}

function readDeck(page: string): Deck {
  const json = /<script type="application\/json" id="deck-data">(.*?)<\/script>/s.exec(readFileSync(page, 'utf8'))?.[1];
  if (!json) throw new Error(`${page} enthält keine Foliendaten`);
  const deck = JSON.parse(json) as Deck;
  if (deck.slides.length !== SLIDES) throw new Error(`erwartet ${SLIDES} Folien, gebaut wurden ${deck.slides.length}`);
  return deck;
}

async function serve(root: string): Promise<string> {
  const app = Fastify({ logger: false });
  await app.register(sitePlugin, { root });
  servers.push(app);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** Mermaid's own ES build beside a comparison page, loaded only when a diagram is near. */
function copyMermaid(dir: string): void {
  const mermaidDist = join(ROOT, 'node_modules', 'mermaid', 'dist');
  cpSync(join(mermaidDist, 'mermaid.esm.min.mjs'), join(dir, 'mermaid', 'mermaid.esm.min.mjs'));
  cpSync(join(mermaidDist, 'chunks', 'mermaid.esm.min'), join(dir, 'mermaid', 'chunks', 'mermaid.esm.min'), {
    recursive: true,
  });
}

/** Draws the diagrams in `slides` (elements); the same code on reveal.js and remark.js. */
const DRAW_DIAGRAMS = `let mermaid;
let counter = 0;
async function drawIn(slides) {
  const pending = slides.flatMap((slide) => [...slide.querySelectorAll('.vs-diagram:not([data-state])')]);
  if (pending.length === 0) return;
  for (const element of pending) element.dataset.state = 'pending';
  mermaid ??= import('./mermaid/mermaid.esm.min.mjs').then(({ default: m }) => (m.initialize({ startOnLoad: false }), m));
  const m = await mermaid;
  for (const element of pending) {
    const { svg } = await m.render('d' + ++counter, element.textContent);
    element.innerHTML = svg;
  }
}`;

/** The same compiled slides as a reveal.js deck (default theme, notes plugin, lazy mermaid). */
async function installReveal(deck: Deck): Promise<string | undefined> {
  const dir = join(work, 'reveal');
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{ "private": true }');
  try {
    await promisify(execFile)('npm', ['install', 'reveal.js@6', '--no-audit', '--no-fund', '--ignore-scripts'], {
      cwd: dir,
      timeout: 120_000,
    });
  } catch (error) {
    console.log(
      `reveal.js nicht installierbar (offline?) – Vergleich übersprungen: ${(error as Error).message.split('\n')[0]}`,
    );
    return undefined;
  }
  copyMermaid(dir);
  const sections = deck.slides
    .map((slide) => `<section>${slide.html}<aside class="notes">${slide.notesHtml}</aside></section>`)
    .join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${deck.title}</title>
<link rel="stylesheet" href="node_modules/reveal.js/dist/reveal.css">
<link rel="stylesheet" href="node_modules/reveal.js/dist/theme/white.css">
</head><body><div class="reveal"><div class="slides">
${sections}
</div></div>
<script type="module">
import Reveal from './node_modules/reveal.js/dist/reveal.mjs';
import Notes from './node_modules/reveal.js/dist/plugin/notes.mjs';
const deck = new Reveal({ hash: true, width: 1280, height: 720, transition: 'none', slideNumber: true, plugins: [Notes] });
${DRAW_DIAGRAMS}
const near = (index) => deck.getSlides().slice(Math.max(0, index - 1), index + 2);
deck.on('ready', (event) => drawIn(near(event.indexh)));
deck.on('slidechanged', (event) => drawIn(near(event.indexh)));
deck.initialize();
</script></body></html>`,
  );
  return dir;
}

/**
 * remark.js itself on the deck's Markdown, when `REMARK_JS` names `remark-latest.min.js` (from
 * the gh-pages branch of gnab/remark); mermaid blocks are drawn like on reveal.js.
 */
function installRemark(source: string): string | undefined {
  const script = process.env.REMARK_JS;
  if (!script) {
    console.log('REMARK_JS ist nicht gesetzt: remark.js läuft nicht mit, seine Zielwerte stammen aus dem Issue.');
    return undefined;
  }
  const dir = join(work, 'remark');
  mkdirSync(dir);
  cpSync(script, join(dir, 'remark.min.js'));
  copyMermaid(dir);
  const textarea = source.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Bench</title></head><body>
<textarea id="source">${textarea}</textarea>
<script src="remark.min.js"></script>
<script type="module">
const slideshow = remark.create({ ratio: '16:9', highlightLines: true });
${DRAW_DIAGRAMS}
function near() {
  const containers = [...document.querySelectorAll('.remark-slide-container')];
  const index = slideshow.getCurrentSlideIndex();
  const slides = containers.slice(Math.max(0, index - 1), index + 2);
  for (const code of slides.flatMap((slide) => [...slide.querySelectorAll('pre > code.mermaid')])) {
    const figure = document.createElement('div');
    figure.className = 'vs-diagram';
    figure.textContent = [...code.querySelectorAll('.remark-code-line')].map((line) => line.textContent).join('\\n');
    code.parentElement.replaceWith(figure);
  }
  return drawIn(slides);
}
slideshow.on('afterShowSlide', () => near());
near();
</script></body></html>`,
  );
  return dir;
}

/**
 * Runs in the page before anything else. Stamps, as a person sees it (see the file comment):
 * the first slide's title, a diagram on the current slide, and each armed advance from its
 * keydown's time stamp until the next slide's marker is visible, counting frames in between
 * that showed neither the previous nor the next slide. Plain JavaScript text, so no compiler
 * helper leaks in. The harness waits on promises instead of polling every frame.
 */
const PROBE = `(() => {
  const waiting = [];
  const settle = () => {
    for (const waiter of waiting.filter((w) => w.ready())) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const seen = (element) => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  };
  const visible = (selector) => [...document.querySelectorAll(selector)].some(seen);
  const marker = (n) => '[data-bench="' + n + '"]';
  const bench = (window.__bench = {
    first: 0,
    diagram: 0,
    advances: [],
    work: [],
    blank: 0,
    armed: null,
    arm(previous, next) { bench.armed = { previous, next, start: 0 }; },
    until: (ready) =>
      new Promise((resolve, reject) => {
        if (ready()) return resolve();
        waiting.push({ ready, resolve });
        setTimeout(() => reject(new Error('nicht innerhalb von 30 s')), 30000);
      }),
  });
  function watch(done, onFrame) {
    let finished = false;
    const check = (frame) => {
      if (finished) return;
      if (done()) {
        finished = true;
        observer.disconnect();
        settle();
      } else if (frame) {
        onFrame?.();
        requestAnimationFrame(() => check(true));
      }
    };
    const observer = new MutationObserver(() => check(false));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    requestAnimationFrame(() => check(true));
  }
  watch(() => visible(marker(1)) && (bench.first = performance.now()) > 0);
  bench.watchDiagram = () =>
    watch(() => visible('.vs-diagram svg') && (bench.diagram = performance.now()) > 0);
  addEventListener('keydown', (event) => {
    const armed = bench.armed;
    if (!armed) return;
    bench.armed = null;
    const start = event.timeStamp;
    const received = performance.now();
    watch(
      () => {
        if (!visible(marker(armed.next))) return false;
        bench.advances.push(performance.now() - start);
        bench.work.push(performance.now() - received);
        return true;
      },
      () => { if (!visible(marker(armed.previous))) bench.blank++; },
    );
  }, true);
})();`;

type Bench = {
  first: number;
  diagram: number;
  advances: number[];
  work: number[];
  blank: number;
  arm(previous: number, next: number): void;
  watchDiagram(): void;
  until(ready: () => boolean): Promise<void>;
};

/** Waits in the page, without polling it, until `what` is stamped. */
function stamped(page: Page, what: 'first' | 'diagram' | number): Promise<void> {
  return page.evaluate((what) => {
    const bench = (window as unknown as { __bench: Bench }).__bench;
    return bench.until(() => (typeof what === 'number' ? bench.advances.length >= what : bench[what] > 0));
  }, what);
}

function read(page: Page): Promise<Pick<Bench, 'first' | 'diagram' | 'advances' | 'work' | 'blank'>> {
  return page.evaluate(() => {
    const { first, diagram, advances, work, blank } = (window as unknown as { __bench: Bench }).__bench;
    return { first, diagram, advances, work, blank };
  });
}

interface Samples {
  firstLoadKb: number;
  allKb: number;
  requests: number;
  first: number[];
  advance: number[];
  work: number[];
  blank: number;
  diagram: number[];
  heap: number[];
}

/** Round by round, the sites taking turns, so that a change in the load of a shared machine hits all alike. */
async function measureAll(browser: Browser, sites: Site[]): Promise<Figures[]> {
  const samples: Samples[] = sites.map(() => ({
    firstLoadKb: 0,
    allKb: 0,
    requests: 0,
    first: [],
    advance: [],
    work: [],
    blank: 0,
    diagram: [],
    heap: [],
  }));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, site] of sites.entries()) {
      const sample = samples[index] as Samples;
      await load(browser, site, sample, round);
      if (round < RUNS.diagram) sample.diagram.push(await coldDiagram(browser, site));
    }
  }
  return samples.map((sample) => ({
    firstLoadKb: sample.firstLoadKb,
    allKb: sample.allKb,
    requests: sample.requests,
    firstMs: percentile(sample.first, 0.5),
    advanceMs: percentile(sample.advance, 0.5),
    advanceP95Ms: percentile(sample.advance, 0.95),
    workMs: percentile(sample.work, 0.5),
    advances: sample.advance.length,
    blankFrames: sample.blank,
    diagramMs: percentile(sample.diagram, 0.5),
    heapMb: percentile(sample.heap, 0.5),
  }));
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  return page;
}

/** One cold load at slide 1: the first slide, in round 0 bytes and requests, in early rounds the heap; then the advances. */
async function load(browser: Browser, site: Site, sample: Samples, round: number): Promise<void> {
  const transferred: { url: string; type: string; gzip: number }[] = [];
  const page = await newPage(browser);
  let requests = 0;
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/')) requests++;
  });
  page.on('response', (response) => {
    void response.body().then(
      (body) => {
        const type = response.request().resourceType();
        transferred.push({ url: response.url(), type, gzip: gzipSync(body).length });
        if (type === 'document')
          transferred.push({ url: response.url(), type: 'inline', gzip: gzipSync(inlineCode(body.toString())).length });
      },
      () => undefined,
    );
  });
  await page.goto(site.url(1));
  await stamped(page, 'first');
  await page.waitForLoadState('networkidle').catch((error: Error) => {
    throw new Error(`${site.label}: Netzwerk kommt nach dem Laden nicht zur Ruhe (${error.message})`);
  });
  const { first } = await read(page);
  sample.first.push(first);
  if (round < RUNS.heap) sample.heap.push(await heap(page));
  if (round === 0) {
    const early = new Set(
      await page.evaluate(
        (first) =>
          performance
            .getEntriesByType('resource')
            .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= first)
            .map((entry) => entry.name),
        first,
      ),
    );
    const sum = (items: typeof transferred): number => items.reduce((total, item) => total + item.gzip, 0) / 1024;
    sample.firstLoadKb = sum(
      transferred.filter(
        (item) =>
          item.type === 'inline' || ((item.type === 'script' || item.type === 'stylesheet') && early.has(item.url)),
      ),
    );
    sample.allKb = sum(transferred.filter((item) => item.type !== 'image' && item.type !== 'inline'));
    sample.requests = requests;
  }
  await page.mouse.move(640, 360);
  for (let position = 1; position <= ADVANCES_PER_LOAD; position++) {
    await page.evaluate(
      (previous) => (window as unknown as { __bench: Bench }).__bench.arm(previous, previous + 1),
      position,
    );
    await page.keyboard.press('ArrowRight');
    await stamped(page, position).catch((error: Error) => {
      throw new Error(`${site.label}: Folie ${position + 1} wurde nicht sichtbar (${error.message})`);
    });
  }
  const { advances, work: pageWork, blank } = await read(page);
  sample.advance.push(...advances);
  sample.work.push(...pageWork);
  sample.blank += blank;
  await page.context().close();
}

/** CSS and script written into the page itself (not the deck data): they count as JS+CSS, too. */
function inlineCode(html: string): string {
  const blocks = html.matchAll(/<(style|script)(\s[^>]*)?>(.*?)<\/\1>/gs);
  return [...blocks]
    .filter(([, , attributes]) => !/type="application\/json"/.test(attributes ?? ''))
    .map(([, , , code]) => code)
    .join('\n');
}

async function coldDiagram(browser: Browser, site: Site): Promise<number> {
  const page = await newPage(browser);
  await page.addInitScript({ content: 'window.__bench.watchDiagram();' });
  await page.goto(site.url(DIAGRAMS[0] as number));
  await stamped(page, 'diagram').catch((error: Error) => {
    throw new Error(`${site.label}: Diagramm auf Folie ${DIAGRAMS[0]} wurde nicht sichtbar (${error.message})`);
  });
  const { diagram } = await read(page);
  await page.context().close();
  return diagram;
}

async function heap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (rank - low);
}

/** Prints the table and the verdicts; true if a must-hold (no blank frame) failed. */
function report(results: [Site, Figures][]): boolean {
  const figures = (label: string): Figures | undefined => results.find(([site]) => site.label === label)?.[1];
  const viewer = results[0]?.[1] as Figures;
  const reveal = figures('reveal.js 6');
  const remark = figures('remark.js');
  const ratio = (value: number, base: number | undefined): string => (base ? format(value / base, 2) : '–');

  const columns = results.map(([site]) => site.label);
  const rows: [string, keyof Figures, string][] = [
    ['(1a) JS+CSS bis zur ersten Folie, gzip', 'firstLoadKb', 'KB'],
    ['(1b) alle Bytes ohne Bilder, gzip', 'allKb', 'KB'],
    ['(1c) Anfragen beim Laden (ohne Beacon)', 'requests', ''],
    ['(2) Navigation → Titel der ersten Folie sichtbar', 'firstMs', 'ms'],
    ['(3) → bis Titel der nächsten Folie sichtbar, Median', 'advanceMs', 'ms'],
    ['(3) dasselbe, p95', 'advanceP95Ms', 'ms'],
    ['(3) davon Arbeit der Seite, Median', 'workMs', 'ms'],
    ['(3) leere Frames dazwischen', 'blankFrames', ''],
    ['(4) kalter Deep-Link → Diagramm sichtbar', 'diagramMs', 'ms'],
    ['(5) JS-Heap nach dem Laden (nach GC)', 'heapMb', 'MB'],
  ];
  const header = ['Messung', ...columns, 'Verhältnis zu reveal.js', 'Verhältnis zu remark.js'];
  const table = rows.map(([label, key, unit]) => [
    label,
    ...results.map(([, site]) => `${format(site[key], unit === '' ? 0 : 1)}${unit ? ` ${unit}` : ''}`),
    ratio(viewer[key], reveal?.[key]),
    ratio(viewer[key], remark?.[key]),
  ]);
  printTable(header, table);
  console.log(
    `\n${SLIDES} Folien, Diagramme auf ${DIAGRAMS.join(', ')}; ${viewer.advances} Folienwechsel je Website ` +
      `(${ROUNDS} Ladevorgänge × ${ADVANCES_PER_LOAD}), ${RUNS.diagram} kalte Deep-Links, ${RUNS.heap} Heap-Messungen.`,
  );

  const remarkRequests = remark?.requests ?? ISSUE_TABLE.remark.requests;
  // Without remark.js in the run, its diagram time is turned into a ratio to reveal.js via the issue's table.
  const diagramLimit = remark
    ? 0.5 * remark.diagramMs
    : reveal
      ? ((0.5 * ISSUE_TABLE.remark.diagramMs) / ISSUE_TABLE.reveal.diagramMs) * reveal.diagramMs
      : 0.5 * ISSUE_TABLE.remark.diagramMs;
  const verdicts: [string, boolean | undefined][] = [
    [
      'Wechsel: Median und p95 unter reveal.js',
      reveal && viewer.advanceMs < reveal.advanceMs && viewer.advanceP95Ms < reveal.advanceP95Ms,
    ],
    [
      'Wechsel: Median und p95 ≤ 0,35 × reveal.js',
      reveal && viewer.advanceMs <= 0.35 * reveal.advanceMs && viewer.advanceP95Ms <= 0.35 * reveal.advanceP95Ms,
    ],
    ['Wechsel: Median ≤ remark.js', remark && viewer.advanceMs <= remark.advanceMs],
    [`kein leerer Frame in ${viewer.advances} Wechseln`, viewer.blankFrames === 0],
    [`Anfragen ≤ remark.js (${remarkRequests})`, viewer.requests <= remarkRequests],
    [
      `kalter Deep-Link aufs Diagramm ≤ 0,5 × remark.js (≤ ${format(diagramLimit)} ms)`,
      viewer.diagramMs <= diagramLimit,
    ],
    [
      'erste Folie vor remark.js',
      viewer.firstMs <
        (remark?.firstMs ??
          (reveal
            ? (ISSUE_TABLE.remark.firstMs / ISSUE_TABLE.reveal.firstMs) * reveal.firstMs
            : ISSUE_TABLE.remark.firstMs)),
    ],
    [
      `Heap ≤ remark.js (${format(remark?.heapMb ?? ISSUE_TABLE.remark.heapMb)} MB)`,
      viewer.heapMb <= (remark?.heapMb ?? ISSUE_TABLE.remark.heapMb),
    ],
  ];
  console.log('\nZiele:');
  for (const [text, met] of verdicts)
    console.log(`- ${text}: ${met === undefined ? 'nicht gemessen' : met ? 'ja' : 'NEIN'}`);
  if (viewer.blankFrames > 0)
    console.error(`\nFEHLER: ${viewer.blankFrames} Frames ohne sichtbare Folie während eines Wechsels.`);
  return viewer.blankFrames > 0;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function format(value: number, digits = 1): string {
  return value.toLocaleString('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const work = mkdtempSync(join(tmpdir(), 'vs-bench-viewer-'));
const servers: { close(): Promise<unknown> }[] = [];
let browser: Browser | undefined;
let failed: boolean;
try {
  const deckDir = join(work, 'slides');
  mkdirSync(deckDir);
  const source = benchDeck();
  writeFileSync(join(deckDir, 'bench.md'), source);
  writeFileSync(join(deckDir, 'bench.json'), JSON.stringify({ highlightLines: true }));
  const siteDir = join(work, 'site');
  console.log('Baue die Website mit einem Foliensatz aus 70 Folien …');
  await buildSite(deckDir, siteDir);
  const deck = readDeck(join(siteDir, 'slides', 'bench', 'index.html'));
  const ours = await serve(siteDir);

  const sites: Site[] = [{ label: 'dieser Viewer', url: (position) => `${ours}/slides/bench/#${position}` }];
  const revealDir = await installReveal(deck);
  if (revealDir) {
    const reveal = await serve(revealDir);
    sites.push({ label: 'reveal.js 6', url: (position) => `${reveal}/index.html#/${position - 1}` });
  }
  const remarkDir = installRemark(source);
  if (remarkDir) {
    const remark = await serve(remarkDir);
    sites.push({ label: 'remark.js', url: (position) => `${remark}/index.html#${position}` });
  }

  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // Frames as soon as they are ready, so "visible" is work, not waiting for vsync.
    args: ['--no-sandbox', '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });

  console.log(`Messe ${sites.map((site) => site.label).join(', ')} im Wechsel (${ROUNDS} Runden) …`);
  const figures = await measureAll(browser, sites);
  failed = report(sites.map((site, index) => [site, figures[index] as Figures]));
} finally {
  await browser?.close();
  for (const server of servers) await server.close();
  if (process.env.BENCH_KEEP) console.log(`Gebaute Seiten bleiben in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
