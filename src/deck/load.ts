/**
 * Decks on disk: `<dir>/<id>.md` (not `*.quiz.md`, those are quiz banks) with an optional
 * sidecar `<dir>/<id>.json` for deck options and an optional stylesheet `<dir>/<id>.css`,
 * compiled with the course's macros.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { macros } from '../../slides/macros';
import type { Deck } from '../shared/deck';
import { locateAsset } from './assets';
import { compileDeck, type CompiledDeck } from './compile';
import { scopeDeckStyle } from './deck-style';
import { mathStylesheet } from './math-style';
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

export function stylePath(deckPath: string): string {
  return deckPath.replace(/\.md$/, '.css');
}

export interface LoadedDeck extends CompiledDeck {
  /** Stylesheets the deck's pages need, in order: math (if the deck has formulas), then the deck's own. */
  styles: string[];
}

/** Reads and compiles one deck file; throws DeckError for problems in the deck. */
export async function loadDeck(path: string, options: LoadOptions = {}): Promise<LoadedDeck> {
  const root = options.root ?? process.cwd();
  const deckDir = dirname(path);
  const pageUrl = (file: string): string => (options.assetUrl ? options.assetUrl(file) : file);
  const resolveAsset = (url: string): string => {
    const file = locateAsset(url, deckDir, root);
    return options.assetUrl ? options.assetUrl(file) : url;
  };
  const sidecar = settingsPath(path);
  const parsed = existsSync(sidecar)
    ? parseSettings(readFileSync(sidecar, 'utf8'), relative(root, sidecar))
    : undefined;
  const css = stylePath(path);
  const style = existsSync(css)
    ? scopeDeckStyle(readFileSync(css, 'utf8'), relative(root, css), resolveAsset)
    : undefined;
  const compiled = await compileDeck({
    id: basename(path, '.md'),
    file: relative(root, path),
    source: readFileSync(path, 'utf8'),
    macros,
    ...(parsed ? { settings: parsed.settings } : {}),
    resolveAsset,
  });
  return {
    ...compiled,
    warnings: [...(parsed?.warnings ?? []), ...(style?.warnings ?? []), ...compiled.warnings],
    styles: [...(compiled.math ? [mathStylesheet(pageUrl)] : []), ...(style ? [style.css] : [])],
  };
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
  for (const file of [settingsPath(path), stylePath(path)]) {
    if (existsSync(file)) hash.update('\0').update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}
