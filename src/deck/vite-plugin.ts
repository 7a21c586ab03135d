/**
 * Vite plugin: every `<dir>/<id>.md` becomes the page `/slides/<id>/`, built from the viewer's
 * template `src/viewer/deck.html`. The template is one build input (so the viewer script is
 * bundled once); its built HTML is copied per deck. Decks are compiled when the build starts,
 * so a broken deck fails it before bundling; deck images become hashed assets. In `vite dev`
 * the pages are served on request and reload when a deck changes. The decks come from a
 * DeckRegistry, which the quiz and site plugins share, so each deck is compiled once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { searchForWorkspaceRoot, type Plugin, type Rolldown, type ResolvedConfig, type ViteDevServer } from 'vite';
import { DeckError, formatDiagnostic, type Diagnostic } from './diagnostics';
import { escapeHtml } from '../shared/html';
import { isBankFile, settingsPath, stylePath, type LoadedDeck, type LoadOptions } from './load';
import { renderDeckPage, type DiagramModules } from './page';
import { DeckRegistry } from './registry';
import { takeBuiltTemplate, withTemplateInput } from './template-page';

export interface DeckPagesOptions {
  /** Directory of the deck files, relative to the Vite root. Default `slides`. */
  dir?: string;
  /** The decks, shared with the quiz and site plugins; default: a registry of `dir` without extra macros. */
  registry?: DeckRegistry;
}

export const TEMPLATE = 'src/viewer/deck.html';
const TEMPLATE_INPUT = 'deck-page';
const PAGE_URL = /^\/slides\/([\w.-]+)(\/(?:index\.html)?)?(?:\?.*)?$/;

export default function deckPages(options: DeckPagesOptions = {}): Plugin {
  let config: ResolvedConfig;
  let registry: DeckRegistry;
  let dir: string;
  let template: string;
  let compiled: LoadedDeck[] = [];

  const log = (warnings: Diagnostic[]): void => {
    for (const warning of warnings) config.logger.warn(formatDiagnostic(warning));
  };

  return {
    name: 'vs-deck-pages',

    config(user) {
      const projectRoot = resolve(user.root ?? process.cwd());
      const decks = options.registry?.dir ?? resolve(projectRoot, options.dir ?? 'slides');
      if (!relative(projectRoot, decks).startsWith('..')) return null;
      return { server: { fs: { allow: [searchForWorkspaceRoot(projectRoot), decks] } } };
    },

    configResolved(resolved) {
      config = resolved;
      registry =
        options.registry ?? new DeckRegistry({ root: config.root, ...(options.dir ? { dir: options.dir } : {}) });
      dir = registry.dir;
      template = resolve(config.root, TEMPLATE);
      if (config.command === 'serve') registry.useAssetUrls(devAssetUrl);
    },

    options(inputOptions) {
      if (config.command !== 'build' || registry.files().length === 0) return null;
      return { ...inputOptions, input: withTemplateInput(inputOptions.input, TEMPLATE_INPUT, template) };
    },

    async buildStart() {
      compiled = [];
      if (config.command !== 'build') return;
      const emitted = new Map<string, string>();
      const assetUrl: LoadOptions['assetUrl'] = (file) => {
        let url = emitted.get(file);
        if (!url) {
          const source = readFileSync(file);
          const hash = createHash('sha256').update(source).digest('hex').slice(0, 8);
          const ext = extname(file);
          const fileName = `${config.build.assetsDir}/${basename(file, ext)}-${hash}${ext}`;
          this.emitFile({ type: 'asset', fileName, source });
          url = config.base + fileName;
          emitted.set(file, url);
        }
        return url;
      };
      registry.useAssetUrls(assetUrl);
      const problems: string[] = [];
      for (const outcome of await registry.all()) {
        const { path } = outcome.file;
        for (const file of [path, settingsPath(path), stylePath(path)]) {
          if (existsSync(file)) this.addWatchFile(file);
        }
        if ('error' in outcome) {
          problems.push(outcome.error.message);
          continue;
        }
        log(outcome.loaded.warnings);
        compiled.push(outcome.loaded);
      }
      if (problems.length > 0) this.error(`Foliensatz fehlerhaft:\n${problems.join('\n')}`);
    },

    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const built = takeBuiltTemplate(bundle, config.root, template);
        if (built === undefined) return;
        const page = inlineStylesheets(built, bundle, config.base);
        const diagrams = diagramModules(bundle, config.base);
        for (const { deck, styles } of compiled) {
          this.emitFile({
            type: 'asset',
            fileName: `slides/${deck.id}/index.html`,
            source: renderDeckPage(page, deck, { styles, diagramModules: diagrams }),
          });
        }
      },
    },

    configureServer(server) {
      server.watcher.add([dir, template]);
      server.watcher.on('all', (_event, file) => reloadAffected(server, file));
      server.middlewares.use((req, res, next) => {
        servePage(server, req, res).then((served) => served || next(), next);
      });
    },
  };

  function reloadAffected(server: ViteDevServer, file: string): void {
    const ownFile = /\.(md|json|css)$/;
    if (file === template || (file.startsWith(dir + sep) && !ownFile.test(file))) {
      server.ws.send({ type: 'full-reload' });
      return;
    }
    if (!file.startsWith(dir + sep) || isBankFile(file)) return;
    const id = basename(file).replace(ownFile, '');
    server.ws.send({ type: 'full-reload', path: `/slides/${id}/index.html` });
  }

  async function servePage(server: ViteDevServer, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const match = PAGE_URL.exec(req.url ?? '');
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const [, id = '', rest] = match;
    const file = registry.files().find((deck) => deck.id === id);
    if (!file) return false;
    if (!rest) {
      res.writeHead(301, { Location: `/slides/${id}/` }).end();
      return true;
    }
    let html: string;
    try {
      const compiled = await registry.load(file);
      log(compiled.warnings);
      html = await server.transformIndexHtml(
        `/slides/${id}/`,
        renderDeckPage(await readFile(template, 'utf8'), compiled.deck, { styles: compiled.styles }),
      );
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      config.logger.error(error.message);
      res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' }).end(errorPage(id, error, file.path));
      return true;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' }).end(html);
    return true;
  }

  function devAssetUrl(file: string): string {
    const inRoot = relative(config.root, file);
    return inRoot.startsWith('..') ? `/@fs${file}` : `/${inRoot.split(sep).join('/')}`;
  }
}

/**
 * The files of the chunks `mermaid` and `mermaid-flowchart` (see vite.config.ts) with what they
 * import, as URLs; undefined when the build has no such chunk.
 */
function diagramModules(bundle: Rolldown.OutputBundle, base: string): DiagramModules | undefined {
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const files = (name: string): string[] => {
    const found = new Set<string>();
    const add = (fileName: string): void => {
      const chunk = bundle[fileName];
      if (found.has(fileName) || chunk?.type !== 'chunk') return;
      found.add(fileName);
      for (const imported of chunk.imports) add(imported);
    };
    for (const chunk of chunks) if (chunk.name === name) add(chunk.fileName);
    return [...found].map((fileName) => base + fileName);
  };
  const mermaid = files('mermaid');
  return mermaid.length > 0 ? { mermaid, flowchart: files('mermaid-flowchart') } : undefined;
}

/**
 * The page's own stylesheets go into the page, so that the first slide (already in the HTML)
 * is painted without waiting for another request. The inlined files leave the bundle.
 */
function inlineStylesheets(html: string, bundle: Rolldown.OutputBundle, base: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*? href="([^"]+)"[^>]*>/g, (link, href: string) => {
    const fileName = href.startsWith(base) ? href.slice(base.length) : href;
    const asset = bundle[fileName];
    if (!asset || asset.type !== 'asset') return link;
    const css = String(asset.source);
    if (/<\/style/i.test(css)) return link;
    delete bundle[fileName];
    return `<style>${css}</style>`;
  });
}

/** In `vite dev`, a broken deck shows its errors instead of a blank page; saving reloads it. */
function errorPage(id: string, error: DeckError, path: string): string {
  const items = error.diagnostics.map((diagnostic) => `<li>${escapeHtml(formatDiagnostic(diagnostic))}</li>`).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Fehler im Foliensatz ${escapeHtml(id)}</title>
<script type="module" src="/@vite/client"></script></head><body><main><h1>Fehler im Foliensatz ${escapeHtml(id)}</h1>
<p>Nach dem Speichern von <code>${escapeHtml(basename(path))}</code>, <code>${escapeHtml(basename(settingsPath(path)))}</code> oder <code>${escapeHtml(basename(stylePath(path)))}</code> lädt die Seite neu.</p>
<ul>${items}</ul></main></body></html>`;
}
