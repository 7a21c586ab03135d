/**
 * Decks on disk: `<dir>/<id>.md` (not `*.quiz.md`, those are quiz banks) with an optional
 * sidecar `<dir>/<id>.json` for deck options and an optional stylesheet `<dir>/<id>.css`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { locateAsset } from './assets';
import { compileDeck, type CompiledDeck } from './compile';
import type { MacroRegistry } from './macros';
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
  /** Macros beside the built-in `scale` and `demo` (the course's are in `slides/macros.ts`). */
  macros?: MacroRegistry;
}

export function listDeckFiles(dir: string): DeckFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !isBankFile(name))
    .sort()
    .map((name) => ({ id: basename(name, '.md'), path: resolve(dir, name) }));
}

const BANK_SUFFIX = '.quiz.md';

/** A quiz bank: Markdown beside the decks, but no deck. */
export function isBankFile(path: string): boolean {
  return path.endsWith(BANK_SUFFIX);
}

/** The bank beside a deck file: `slides/kapitel-2.md` → `slides/kapitel-2.quiz.md`. */
export function bankPath(deckPath: string): string {
  return deckPath.replace(/\.md$/, BANK_SUFFIX);
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
    ...(options.macros ? { macros: options.macros } : {}),
    ...(parsed ? { settings: parsed.settings } : {}),
    resolveAsset,
  });
  return {
    ...compiled,
    warnings: [...(parsed?.warnings ?? []), ...(style?.warnings ?? []), ...compiled.warnings],
    styles: [...(compiled.math ? [mathStylesheet(pageUrl)] : []), ...(style ? [style.css] : [])],
  };
}
