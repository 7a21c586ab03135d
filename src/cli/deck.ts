/**
 * Deck tool for maintainers:
 *   npm run deck -- check FILE.md…   one line per deck, or its errors (exit code 1)
 *   npm run deck -- json FILE.md     the compiled deck model as JSON
 *   npm run deck -- import SEITE.html|DATEI.md [--id ID] [--source DATEI.md] [--force]
 *                                    a remark.js deck becomes slides/<id>.md, .json, .css; prints a report
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError, importDeck } from '../deck/import/import';
import { macros } from '../../slides/macros';
import { DeckError, formatDiagnostic } from '../deck/diagnostics';
import { isBankFile, loadDeck } from '../deck/load';
import { formatSummary, summarize } from '../deck/summary';
import { checkQuizOf } from '../quiz-bank/check';

/**
 * A check of one deck file: resolves to its summary line, throws DeckError for problems.
 * The checks of a file run in order and stop at the first that fails.
 */
type Check = (path: string) => Promise<string>;

const checks: Check[] = [
  async (path) => {
    const compiled = await loadDeck(path, { macros });
    for (const warning of compiled.warnings) console.warn(formatDiagnostic(warning));
    return formatSummary(relative(process.cwd(), path), summarize(compiled));
  },
  (path) => checkQuizOf(path, macros),
];

const USAGE = [
  'Aufruf: npm run deck -- check DATEI.md…',
  '        npm run deck -- json DATEI.md',
  '        npm run deck -- import SEITE.html|DATEI.md [--id NAME] [--source DATEI.md] [--force]',
].join('\n');

async function main(command: string | undefined, files: string[]): Promise<number> {
  if (command === 'import') return importCommand(files);
  if (command === 'check' && files.length > 0) {
    let failed = false;
    for (const file of files) {
      if (isBankFile(file)) {
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
      const { deck } = await loadDeck(resolve(files[0]!), { macros });
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

async function importCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { id: { type: 'string' }, source: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [input, ...rest] = parsed.positionals;
  if (!input || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    const result = await importDeck(input, {
      root: process.cwd(),
      ...(parsed.values.id ? { id: parsed.values.id } : {}),
      ...(parsed.values.source ? { source: parsed.values.source } : {}),
      force: parsed.values.force,
      macros,
    });
    console.log(result.report.join('\n'));
    console.log(`Geschrieben: ${result.written.join(', ')}`);
    return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`Datei nicht gefunden: ${(error as NodeJS.ErrnoException).path}`);
      return 1;
    }
    if (!(error instanceof ImportError)) throw error;
    console.error(error.message);
    return 1;
  }
}

function report(error: unknown): void {
  if (error instanceof DeckError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    console.error(`Datei nicht gefunden: ${(error as NodeJS.ErrnoException).path}`);
  else throw error;
}

process.exitCode = await main(process.argv[2], process.argv.slice(3));
