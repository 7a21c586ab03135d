/**
 * Decks on disk: `<dir>/<id>.md` (not `*.quiz.md`, those are quiz banks) with an optional
 * sidecar `<dir>/<id>.json` for deck options, compiled with the course's macros.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { macros } from '../../slides/macros';
import type { Deck } from '../shared/deck';
import { locateAsset, missingAssetMessage } from './assets';
import { compileDeck, type CompiledDeck } from './compile';
import { parseSettings } from './options';

export interface DeckFile {
  id: string;
  /** Absolute path of the `.md` file. */
  path: string;
}

export interface LoadOptions {
  /** Project root: image URLs fall back to it and errors name files relative to it. */
  root?: string;
  /** The URL a page uses for an image file (absolute path); default: the URL as written. */
  assetUrl?: (file: string) => string;
}

export function listDeckFiles(dir: string): DeckFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !name.endsWith('.quiz.md'))
    .sort()
    .map((name) => ({ id: basename(name, '.md'), path: resolve(dir, name) }));
}

export function settingsPath(deckPath: string): string {
  return deckPath.replace(/\.md$/, '.json');
}

/** Reads and compiles one deck file; throws DeckError for problems in the deck. */
export async function loadDeck(path: string, options: LoadOptions = {}): Promise<CompiledDeck> {
  const root = options.root ?? process.cwd();
  const sidecar = settingsPath(path);
  const deckDir = dirname(path);
  return compileDeck({
    id: basename(path, '.md'),
    file: relative(root, path),
    source: readFileSync(path, 'utf8'),
    macros,
    ...(existsSync(sidecar) ? { settings: parseSettings(readFileSync(sidecar, 'utf8'), relative(root, sidecar)) } : {}),
    resolveAsset: (url) => {
      const file = locateAsset(url, deckDir, root);
      if (!file) throw new Error(missingAssetMessage(url));
      return options.assetUrl ? options.assetUrl(file) : url;
    },
  });
}

const cache = new Map<string, { key: string; deck: Promise<Deck> }>();

/**
 * All decks of a directory, sorted by id, for build code such as the presentations list.
 * A deck is compiled again only when its file or sidecar changed.
 */
export async function loadDecks(dir = 'slides', root = process.cwd()): Promise<Deck[]> {
  return Promise.all(
    listDeckFiles(resolve(root, dir)).map(({ path }) => {
      const key = contentKey(path);
      const cached = cache.get(path);
      if (cached?.key === key) return cached.deck;
      const deck = loadDeck(path, { root }).then((compiled) => compiled.deck);
      cache.set(path, { key, deck });
      deck.catch(() => cache.delete(path));
      return deck;
    }),
  );
}

function contentKey(path: string): string {
  const hash = createHash('sha256').update(readFileSync(path));
  const sidecar = settingsPath(path);
  if (existsSync(sidecar)) hash.update('\0').update(readFileSync(sidecar));
  return hash.digest('hex');
}
