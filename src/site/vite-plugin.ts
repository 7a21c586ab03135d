/**
 * Vite plugin: the course pages list the decks of `slides/` as they are when the site is built
 * (and, in `vite dev`, when the page is loaded). A page asks for a list with a comment:
 * `<!-- vs-decks heading=2 -->` (cards with a thumbnail of the title slide; group headings
 * at that level), `<!-- vs-decks heading=3 compact -->` (without thumbnails) or
 * `<!-- vs-quizzes -->` (links to the quizzes); `<!-- vs-header -->` and `<!-- vs-footer -->` give
 * the head and foot all course pages share. It also writes the home page's search index
 * (`/search-index.json`: every slide and quiz question), served fresh in `vite dev`.
 */
import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { bankPath } from '../deck/load';
import { DeckRegistry } from '../deck/registry';
import { SITE_SEARCH_PATH } from '../shared/search';
import { siteHeader, SITE_FOOTER } from './chrome';
import { deckEntry, renderDeckList, renderQuizList, type Listing } from './deck-list';
import { buildSiteSearchIndex } from './search-index';

export interface SitePagesOptions {
  /** Directory of the decks, relative to the Vite root. Default `slides`. */
  dir?: string;
  /** The decks, shared with the deck and quiz plugins; default: a registry of `dir` without extra macros. */
  registry?: DeckRegistry;
}

const PLACEHOLDER = /<!--\s*vs-(decks|quizzes)((?:\s+[\w=]+)*)\s*-->/g;
const CHROME = /<!--\s*vs-(header|footer)\s*-->/g;

export default function sitePages(options: SitePagesOptions = {}): Plugin {
  let config: ResolvedConfig;
  let registry: DeckRegistry;
  /** The listing the open pages show, to reload them in `vite dev` only when it changes. */
  let shown = '';

  async function currentListing(): Promise<Listing> {
    const listing = await readListing(registry);
    shown = JSON.stringify(listing);
    return listing;
  }

  return {
    name: 'vs-site-pages',

    configResolved(resolved) {
      config = resolved;
      registry =
        options.registry ?? new DeckRegistry({ root: config.root, ...(options.dir ? { dir: options.dir } : {}) });
    },

    transformIndexHtml: {
      order: 'pre',
      async handler(page, { path }) {
        const html = page.replace(CHROME, (_match, part: string) =>
          part === 'header' ? siteHeader(path, config.base) : SITE_FOOTER,
        );
        if (!new RegExp(PLACEHOLDER.source).test(html)) return html;
        const listing = await currentListing();
        if (config.command === 'build' && listing.broken.length > 0) {
          throw new Error(`Foliensatz fehlerhaft:\n${listing.broken.map((deck) => deck.message).join('\n')}`);
        }
        return html.replace(PLACEHOLDER, (_match, kind: string, args: string) => {
          if (kind === 'quizzes') return renderQuizList(listing, config.base);
          const words = args.trim().split(/\s+/);
          const heading = Number(words.find((word) => word.startsWith('heading='))?.slice('heading='.length) ?? 2);
          return renderDeckList(listing, { heading, compact: words.includes('compact'), base: config.base });
        });
      },
    },

    async generateBundle() {
      const index = await buildSiteSearchIndex(registry, config.base);
      this.emitFile({ type: 'asset', fileName: SITE_SEARCH_PATH, source: JSON.stringify(index) });
    },

    configureServer(server) {
      server.middlewares.use(`${config.base}${SITE_SEARCH_PATH}`, (_request, response, next) => {
        buildSiteSearchIndex(registry, config.base).then((index) => {
          response.setHeader('content-type', 'application/json; charset=utf-8');
          response.end(JSON.stringify(index));
        }, next);
      });
      server.watcher.add(registry.dir);
      server.watcher.on('all', (_event, file) => {
        if (file.startsWith(registry.dir + sep) && /\.(md|json)$/.test(file))
          reloadIfChanged(server).catch((error: Error) => config.logger.error(error.message));
      });
    },
  };

  async function reloadIfChanged(server: ViteDevServer): Promise<void> {
    const before = shown;
    await currentListing();
    if (shown !== before) server.ws.send({ type: 'full-reload' });
  }
}

/** The decks for the lists; a deck that does not compile is reported, not listed. */
async function readListing(registry: DeckRegistry): Promise<Listing> {
  const listing: Listing = { decks: [], broken: [] };
  for (const outcome of await registry.all()) {
    if ('error' in outcome) listing.broken.push({ id: outcome.file.id, message: outcome.error.message });
    else listing.decks.push(deckEntry(outcome.loaded.deck, existsSync(bankPath(outcome.file.path))));
  }
  return listing;
}
