/**
 * Vite plugin: the course pages list the decks of `slides/` as they are when the site is built
 * (and, in `vite dev`, when the page is loaded). A page asks for a list with a comment:
 * `<!-- vs-decks heading=2 -->` (cards with a thumbnail of the title slide; group headings
 * at that level), `<!-- vs-decks heading=3 compact -->` (without thumbnails) or
 * `<!-- vs-quizzes -->` (links to the quizzes).
 */
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite';
import { listDeckFiles, loadDeck, loadDecks } from '../deck/load';
import { bankPathFor } from '../quiz-bank/compile';
import type { Deck } from '../shared/deck';
import { deckEntry, renderDeckList, renderQuizList, type Listing } from './deck-list';

const PLACEHOLDER = /<!--\s*vs-(decks|quizzes)((?:\s+[\w=]+)*)\s*-->/g;

export default function sitePages(options: { dir?: string } = {}): Plugin {
  let config: ResolvedConfig;
  let dir: string;
  /** The listing the open pages show, to reload them in `vite dev` only when it changes. */
  let shown = '';

  async function currentListing(): Promise<Listing> {
    const listing = await readListing(dir, config.root);
    shown = JSON.stringify(listing);
    return listing;
  }

  return {
    name: 'vs-site-pages',

    configResolved(resolved) {
      config = resolved;
      dir = resolve(config.root, options.dir ?? 'slides');
    },

    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
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

    configureServer(server) {
      server.watcher.add(dir);
      server.watcher.on('all', (_event, file) => {
        if (file.startsWith(dir + sep) && /\.(md|json)$/.test(file))
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

/** The decks of `dir` for the lists; a deck that does not compile is reported, not listed. */
async function readListing(dir: string, root: string): Promise<Listing> {
  const entry = (deck: Deck) => deckEntry(deck, existsSync(bankPathFor(join(dir, `${deck.id}.md`))));
  try {
    return { decks: (await loadDecks(dir, root)).map(entry), broken: [] };
  } catch {
    const files = listDeckFiles(dir);
    const results = await Promise.allSettled(files.map(({ path }) => loadDeck(path, { root })));
    const listing: Listing = { decks: [], broken: [] };
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') listing.decks.push(entry(result.value.deck));
      else
        listing.broken.push({
          id: files[index]!.id,
          message: String((result.reason as Error)?.message ?? result.reason),
        });
    });
    return listing;
  }
}
