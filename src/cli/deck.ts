/**
 * Deck tool for maintainers:
 *   npm run deck -- check FILE.md…   one line per deck, or its errors (exit code 1)
 *   npm run deck -- json FILE.md     the compiled deck model as JSON
 */
import { relative, resolve } from 'node:path';
import { DeckError, formatDiagnostic } from '../deck/diagnostics';
import { loadDeck } from '../deck/load';
import { formatSummary, summarize } from '../deck/summary';
import { checkQuizOf } from '../quiz-bank/check';

/**
 * A check of one deck file: resolves to its summary line, throws DeckError for problems.
 * The checks of a file run in order and stop at the first that fails.
 */
type Check = (path: string) => Promise<string>;

const checks: Check[] = [
  async (path) => {
    const compiled = await loadDeck(path);
    for (const warning of compiled.warnings) console.warn(formatDiagnostic(warning));
    return formatSummary(relative(process.cwd(), path), summarize(compiled));
  },
  checkQuizOf,
];

const USAGE = 'Aufruf: npm run deck -- check DATEI.md… | npm run deck -- json DATEI.md';

async function main(command: string | undefined, files: string[]): Promise<number> {
  if (command === 'check' && files.length > 0) {
    let failed = false;
    for (const file of files) {
      if (file.endsWith('.quiz.md')) {
        console.error(
          `${file}: ist eine Quizdatei; sie wird mit ihrem Foliensatz geprüft (${file.replace(/\.quiz\.md$/, '.md')})`,
        );
        failed = true;
        continue;
      }
      for (const check of checks) {
        try {
          console.log(await check(resolve(file)));
        } catch (error) {
          failed = true;
          report(error);
          break;
        }
      }
    }
    return failed ? 1 : 0;
  }
  if (command === 'json' && files.length === 1) {
    try {
      const { deck } = await loadDeck(resolve(files[0]!));
      console.log(JSON.stringify(deck, null, 2));
      return 0;
    } catch (error) {
      report(error);
      return 1;
    }
  }
  console.error(USAGE);
  return 2;
}

function report(error: unknown): void {
  if (error instanceof DeckError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    console.error(`Datei nicht gefunden: ${(error as NodeJS.ErrnoException).path}`);
  else throw error;
}

process.exitCode = await main(process.argv[2], process.argv.slice(3));
