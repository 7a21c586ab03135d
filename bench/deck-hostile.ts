/**
 * Hostile decks against the compiler (`npm run bench:deck-hostile`): how long it takes to
 * answer — a compiled deck or an error naming file and line — for
 * - 1 MB of each kind of hostile input (deep nesting, brackets, emphasis, HTML, backticks,
 *   tables, links, content classes, formulas), and
 * - 100,000 characters of each (a little more than our largest chapter), next to that real
 *   chapter (slides/kapitel-2.md, repeated to the same size) compiled in the same run: the
 *   ratio (time per character) shows how much more an input costs than real slides.
 * Each time is the median of three runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDeck } from '../src/deck/compile';
import { DeckError } from '../src/deck/diagnostics';

const CHAPTER = readFileSync(resolve(import.meta.dirname, '../slides/kapitel-2.md'), 'utf8');
const RUNS = 3;

/** One slide of each kind, repeated up to the size (slides stay below 20,000 characters). */
const KINDS: Record<string, string> = {
  '3.000 × „>“': `${'>'.repeat(3_000)} x\n\n`,
  '1.500 verschachtelte „- “': `${'- '.repeat(1_500)}x\n\n`,
  '2.000 verschachtelte „*_“': `${'*_'.repeat(2_000)}x${'_*'.repeat(2_000)}\n\n`,
  '31 Ebenen „>“ (erlaubt)': `${'> '.repeat(31)}x\n`,
  '100 „*_“ (erlaubt)': `${'*_'.repeat(50)}x${'_*'.repeat(50)}\n\n`,
  '31 „[“ (erlaubt)': `${'['.repeat(31)}x${']'.repeat(31)}\n\n`,
  '31 „<b>“ (erlaubt)': `${'<b>'.repeat(31)}x${'</b>'.repeat(31)}\n\n`,
  'offene „[“': '[a ',
  Backticks: '`a``',
  'Tabellen, 400 Spalten': `${'|a'.repeat(400)}|\n${'|-'.repeat(400)}|\n${'|1'.repeat(400)}|\n\n`,
  Links: '[a](b) ',
  Inhaltsklassen: '.a[x] ',
  Formeln: '$x^2$ und ',
  'verschachtelte Formel': `$${'{'.repeat(31)}x${'}'.repeat(31)}$\n\n`,
};

const SLIDE = 19_000;

/** Whole slides of the kind, separated by `---`, up to `size` characters (at least one slide). */
function deckOf(unit: string, size: number): string {
  const slide = unit.repeat(Math.max(1, Math.floor(SLIDE / unit.length)));
  return Array.from({ length: Math.max(1, Math.round(size / (slide.length + 5))) }, () => slide).join('\n---\n');
}

/** The real chapter, repeated to about `size` characters. */
function chapterOf(size: number): string {
  return Array.from({ length: Math.max(1, Math.round(size / CHAPTER.length)) }, () => CHAPTER).join('\n---\n');
}

async function answer(source: string): Promise<{ ms: number; result: string }> {
  const times: number[] = [];
  let result = '';
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    try {
      const { deck } = await compileDeck({ id: 'bench', file: 'bench.md', source, resolveAsset: (url) => url });
      result = `${deck.slides.length} Folien`;
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      result = `Fehler: ${error.diagnostics[0]!.message.slice(0, 60)}`;
    }
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[1]!, result };
}

await answer(chapterOf(10_000));

const rows: Record<string, Record<string, string>> = {};
for (const [size, label] of [
  [1_000_000, '1 MB'],
  [100_000, '100.000 Zeichen'],
] as const) {
  const chapter = chapterOf(size);
  const baseline = await answer(chapter);
  const row = (kind: string, source: string, { ms, result }: { ms: number; result: string }): void => {
    rows[`${label}: ${kind}`] = {
      Zeichen: source.length.toLocaleString('de-DE'),
      'Antwort (ms)': ms.toFixed(0),
      'je Zeichen zum echten Kapitel': (ms / source.length / (baseline.ms / chapter.length)).toFixed(2),
      Ergebnis: result,
    };
  };
  row('Kapitel 2 (echt)', chapter, baseline);
  for (const [kind, unit] of Object.entries(KINDS)) {
    const source = deckOf(unit, size);
    row(kind, source, await answer(source));
  }
}
console.table(rows);
