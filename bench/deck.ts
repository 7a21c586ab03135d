/**
 * Benchmark of the slide compiler (`npm run bench:deck`):
 * - compile time of a generated 70-slide deck, cold (a fresh process, median of 5) and warm
 *   (median of 15), next to a baseline run side by side: the same slides through bare unified
 *   (remark-parse, remark-gfm, remark-rehype, rehype-stringify) without our stages;
 * - the JavaScript and CSS a deck page loads before the first slide shows (its script,
 *   stylesheet and modulepreload assets), from a build into a temporary directory.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { build } from 'vite';
import { compileDeck } from '../src/deck/compile';
import deckPages from '../src/deck/vite-plugin';
import taskCatalogue from '../src/widgets/catalogue-plugin';

const SLIDES = 70;
const COLD_RUNS = 5;
const WARM_RUNS = 15;
const root = resolve(import.meta.dirname, '..');

/** A deck like a lecture chapter: headings, lists, steps, classes, code, tables, figures, notes. */
function generatedDeck(): string {
  const slides = ['class: center, middle\n\n#### Kapitel 9\n\n# Ein erzeugter Foliensatz'];
  for (let i = 1; i < SLIDES; i++) {
    const kind = i % 5;
    const body =
      kind === 0
        ? `## Code ${i}\n\n\`\`\`js\nexport function summe(werte) {\n  let s = 0;\n  for (const w of werte) s += w;\n  return s;\n}\n\`\`\``
        : kind === 1
          ? `## Liste ${i}\n\n- Erster Punkt mit **Betonung**\n- Zweiter Punkt mit \`Code\`\n--\n- Dritter Punkt [Link](https://example.com)`
          : kind === 2
            ? `## Spalten ${i}\n\n.left-column[\n- links\n- noch links\n]\n.right-column[\nRechts mit .rot[Farbe] und _Kursiv_.\n]`
            : kind === 3
              ? `## Tabelle ${i}\n\n| Muster | Zweck |\n|---|---|\n| Proxy | Vermitteln |\n| Cache | Beschleunigen |`
              : `## Abbildung ${i}\n\n![:scale 60%, Abb. ${i}: Eine Abbildung](media/abbildung.svg)`;
    slides.push(`${body}\n\n???\nNotiz zu Folie ${i}: was hier zu sagen ist.`);
  }
  return slides.join('\n\n---\n\n');
}

const source = generatedDeck();
const compile = () => compileDeck({ id: 'bench', file: 'bench.md', source, resolveAsset: (url) => url });

const baseline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify)
  .freeze();
const baselineRun = async () => {
  for (const slide of source.split(/\n---\n|\n--\n/)) await baseline.process(slide);
};

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function coldCompile(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { stdout } = await promisify(execFile)(
      resolve(root, 'node_modules/.bin/tsx'),
      [import.meta.filename, '--once'],
      { cwd: root },
    );
    times.push(Number(stdout.trim()));
  }
  return times.sort((a, b) => a - b)[Math.floor(COLD_RUNS / 2)]!;
}

async function pageWeight(): Promise<{ files: number; raw: number; gzip: number }> {
  const work = mkdtempSync(join(tmpdir(), 'vs-bench-deck-'));
  try {
    writeFileSync(join(work, 'bench.md'), source.replaceAll('media/abbildung.svg', 'abbildung.svg'));
    writeFileSync(join(work, 'abbildung.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const outDir = join(work, 'dist');
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      cacheDir: join(work, 'vite-cache'),
      plugins: [deckPages({ dir: work }), taskCatalogue()],
      build: { outDir, rollupOptions: { input: {} } },
    });
    const page = readFileSync(join(outDir, 'slides/bench/index.html'), 'utf8');
    const urls = Array.from(
      page.matchAll(/<script[^>]* src="([^"]+)"|<link[^>]* rel="(?:stylesheet|modulepreload)"[^>]* href="([^"]+)"/g),
      (match) => match[1] ?? match[2]!,
    );
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      const content = readFileSync(join(outDir, url));
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    return { files: urls.length, raw, gzip };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--once')) {
  const start = performance.now();
  await compile();
  console.log(performance.now() - start);
} else {
  const slides = (await compile()).deck.slides.length;
  const cold = await coldCompile();
  await median(3, compile);
  const warm = await median(WARM_RUNS, compile);
  await median(3, baselineRun);
  const bare = await median(WARM_RUNS, baselineRun);
  const weight = await pageWeight();

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`Foliensatz: ${SLIDES} Folien, ${slides} mit Schritten, ${source.length} Zeichen\n`);
  console.table({
    'kalt (neuer Prozess)': { 'ms/Foliensatz': ms(cold), 'ms/Folie': ms(cold / slides) },
    warm: { 'ms/Foliensatz': ms(warm), 'ms/Folie': ms(warm / slides) },
    'Vergleich: unified pur, warm': { 'ms/Foliensatz': ms(bare), 'ms/Folie': ms(bare / slides) },
  });
  console.log(`warm / unified pur: ${(warm / bare).toFixed(2)}\n`);
  console.table({
    'JS + CSS vor der ersten Folie': { Dateien: weight.files, Bytes: weight.raw, 'Bytes gzip': weight.gzip },
  });
}
