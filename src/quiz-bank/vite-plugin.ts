/**
 * Vite plugin: every bank `<dir>/<id>.quiz.md` beside a deck `<dir>/<id>.md` becomes the page
 * `/quiz/<id>/`, built from the quiz template `src/quiz/quiz.html`. The template is one build
 * input (the quiz script is bundled once); its built HTML is copied per bank. A bank with
 * problems fails the build; in `vite dev` it shows them and reloads on save.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { escapeHtml } from '../shared/html';
import { bankPath, isBankFile } from '../deck/load';
import { DeckRegistry } from '../deck/registry';
import { takeBuiltTemplate, withTemplateInput } from '../deck/template-page';
import { checkBank, formatBankProblem, type CheckedBank } from './load';
import { renderQuizPage } from './page';

export const QUIZ_TEMPLATE = 'src/quiz/quiz.html';
const TEMPLATE_INPUT = 'quiz-page';
const PAGE_URL = /^\/quiz\/([\w-]+)(\/(?:index\.html)?)?(?:[?#].*)?$/;

export interface QuizPagesOptions {
  /** Directory of the decks and banks, relative to the Vite root. Default `slides`. */
  dir?: string;
  /** The decks, shared with the deck and site plugins; default: a registry of `dir` without extra macros. */
  registry?: DeckRegistry;
}

export default function quizPages(options: QuizPagesOptions = {}): Plugin {
  let config: ResolvedConfig;
  let registry: DeckRegistry;
  let template: string;

  const withBank = () => registry.files().filter(({ path }) => existsSync(bankPath(path)));

  /** The decks that have a bank, compiled and checked. */
  async function loadBanks(): Promise<CheckedBank[]> {
    const files = withBank();
    if (files.length === 0) return [];
    const decks = await registry.decks();
    const checked = await Promise.all(
      files.map(async ({ id, path }) => {
        const deck = decks.find((candidate) => candidate.id === id);
        return deck ? checkBank(path, deck, registry.macros) : null;
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
      registry =
        options.registry ?? new DeckRegistry({ root: config.root, ...(options.dir ? { dir: options.dir } : {}) });
      template = resolve(config.root, QUIZ_TEMPLATE);
    },

    options(inputOptions) {
      if (config.command !== 'build' || withBank().length === 0) return null;
      return { ...inputOptions, input: withTemplateInput(inputOptions.input, TEMPLATE_INPUT, template) };
    },

    generateBundle: {
      order: 'post',
      async handler(_output, bundle) {
        const built = takeBuiltTemplate(bundle, config.root, template);
        if (built === undefined) return;
        for (const checked of await loadBanks()) {
          if (!checked.bank) this.error(`Fragenkatalog fehlerhaft:\n${problemsOf(checked)}`);
          this.emitFile({
            type: 'asset',
            fileName: `quiz/${checked.bank.deckId}/index.html`,
            source: renderQuizPage(built, checked.bank),
          });
        }
      },
    },

    configureServer(server) {
      server.watcher.add([registry.dir, template]);
      server.watcher.on('all', (_event, file) => {
        if (file === template || isBankFile(file)) server.ws.send({ type: 'full-reload' });
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
    const checked = (await loadBanks()).find((bank) => bank.deckId === id);
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
