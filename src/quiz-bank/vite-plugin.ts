/**
 * Vite plugin: every bank `<dir>/<id>.quiz.md` beside a deck `<dir>/<id>.md` becomes the page
 * `/quiz/<id>/`, built from the quiz template `src/quiz/quiz.html`. The template is one build
 * input (the quiz script is bundled once); its built HTML is copied per bank. A bank with
 * problems fails the build; in `vite dev` it shows them and reloads on save.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { escapeHtml } from '../shared/html';
import { listDeckFiles, loadDecks } from '../deck/load';
import { bankPathFor } from './compile';
import { checkBank, formatBankProblem, type CheckedBank } from './load';
import { renderQuizPage } from './page';

export const QUIZ_TEMPLATE = 'src/quiz/quiz.html';
const TEMPLATE_INPUT = 'quiz-page';
const PAGE_URL = /^\/quiz\/([\w-]+)(\/(?:index\.html)?)?(?:[?#].*)?$/;

export default function quizPages(options: { dir?: string } = {}): Plugin {
  let config: ResolvedConfig;
  let dir: string;
  let template: string;

  /** The decks that have a bank, compiled and checked. */
  async function loadBanks(): Promise<CheckedBank[]> {
    const files = listDeckFiles(dir).filter(({ path }) => existsSync(bankPathFor(path)));
    if (files.length === 0) return [];
    const decks = await loadDecks(relative(config.root, dir), config.root);
    const checked = await Promise.all(
      files.map(async ({ id, path }) => {
        const deck = decks.find((d) => d.id === id);
        return deck ? checkBank(path, deck) : null;
      }),
    );
    return checked.filter((bank): bank is CheckedBank => bank !== null);
  }

  function problemsOf(checked: CheckedBank): string {
    const file = relative(config.root, checked.file);
    return checked.problems.map((problem) => formatBankProblem(file, problem)).join('\n');
  }

  return {
    name: 'vs-quiz-pages',

    configResolved(resolved) {
      config = resolved;
      dir = resolve(config.root, options.dir ?? 'slides');
      template = resolve(config.root, QUIZ_TEMPLATE);
    },

    options(inputOptions) {
      const hasBank = listDeckFiles(dir).some(({ path }) => existsSync(bankPathFor(path)));
      if (config.command !== 'build' || !hasBank) return null;
      const input = inputOptions.input;
      const entries =
        typeof input === 'string'
          ? { index: input }
          : Array.isArray(input)
            ? Object.fromEntries(input.map((path) => [basename(path, extname(path)), path]))
            : { ...input };
      return { ...inputOptions, input: { ...entries, [TEMPLATE_INPUT]: template } };
    },

    generateBundle: {
      order: 'post',
      async handler(_output, bundle) {
        const templateFile = relative(config.root, template).split(sep).join('/');
        const built = bundle[templateFile];
        if (!built || built.type !== 'asset') return;
        delete bundle[templateFile];
        for (const checked of await loadBanks()) {
          if (!checked.bank) this.error(`Fragenkatalog fehlerhaft:\n${problemsOf(checked)}`);
          this.emitFile({
            type: 'asset',
            fileName: `quiz/${checked.bank.deckId}/index.html`,
            source: renderQuizPage(String(built.source), checked.bank),
          });
        }
      },
    },

    configureServer(server) {
      server.watcher.add([dir, template]);
      server.watcher.on('all', (_event, file) => {
        if (file === template || file.endsWith('.quiz.md')) server.ws.send({ type: 'full-reload' });
      });
      server.middlewares.use((req, res, next) => {
        servePage(server, req, res).then((served) => served || next(), next);
      });
    },
  };

  async function servePage(server: ViteDevServer, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const match = PAGE_URL.exec(req.url ?? '');
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const [, id = '', rest] = match;
    const checked = (await loadBanks()).find((bank) => basename(bank.file, '.quiz.md') === id);
    if (!checked) return false;
    if (!rest) {
      res.writeHead(301, { Location: `/quiz/${id}/` }).end();
      return true;
    }
    if (!checked.bank) {
      const problems = problemsOf(checked);
      config.logger.error(problems);
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' }).end(errorPage(id, problems));
      return true;
    }
    const html = await server.transformIndexHtml(
      `/quiz/${id}/`,
      renderQuizPage(await readFile(template, 'utf8'), checked.bank),
    );
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
    return true;
  }
}

function errorPage(id: string, problems: string): string {
  const items = problems
    .split('\n')
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fehler im Fragenkatalog ${escapeHtml(id)}</title>
<script type="module" src="/@vite/client"></script></head><body><main><h1>Fehler im Fragenkatalog ${escapeHtml(id)}</h1>
<p>Nach dem Speichern von <code>${escapeHtml(id)}.quiz.md</code> lädt die Seite neu.</p><ul>${items}</ul></main></body></html>`;
}
