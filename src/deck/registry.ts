import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deck } from '../shared/deck';
import { DeckError } from './diagnostics';
import { listDeckFiles, loadDeck, settingsPath, stylePath, type DeckFile, type LoadedDeck } from './load';
import type { MacroRegistry } from './macros';

export interface DeckRegistryOptions {
  /** Project root: image URLs fall back to it and errors name files relative to it. */
  root: string;
  /** Folder of the deck files, relative to the root. Default `slides`. */
  dir?: string;
  /** Macros beside the built-in ones (the course's are in `slides/macros.ts`). */
  macros?: MacroRegistry;
}

export type DeckOutcome = { file: DeckFile; loaded: LoadedDeck } | { file: DeckFile; error: DeckError };

/**
 * The decks of one folder, each compiled once for its content: the deck pages, the quiz pages
 * and the course lists of a build or a dev server all read them here. A deck is compiled again
 * only when its file, options or stylesheet changed, or when the image URLs change (a new build).
 */
export class DeckRegistry {
  /** How many times a deck was compiled, for tests and the curious. */
  compilations = 0;
  readonly dir: string;
  #assetUrl: ((file: string) => string) | undefined;
  readonly #cache = new Map<string, { key: string; loaded: Promise<LoadedDeck> }>();

  constructor(private readonly options: DeckRegistryOptions) {
    this.dir = resolve(options.root, options.dir ?? 'slides');
  }

  get root(): string {
    return this.options.root;
  }

  get macros(): MacroRegistry | undefined {
    return this.options.macros;
  }

  /** How pages address an image file from now on (a build emits hashed assets); forgets every compiled deck. */
  useAssetUrls(assetUrl: ((file: string) => string) | undefined): void {
    this.#assetUrl = assetUrl;
    this.#cache.clear();
  }

  files(): DeckFile[] {
    return listDeckFiles(this.dir);
  }

  /** The compiled deck; rejects with DeckError for problems in it. */
  load(file: DeckFile): Promise<LoadedDeck> {
    const key = contentKey(file.path);
    const cached = this.#cache.get(file.path);
    if (cached?.key === key) return cached.loaded;
    this.compilations++;
    const loaded = loadDeck(file.path, {
      root: this.options.root,
      ...(this.#assetUrl ? { assetUrl: this.#assetUrl } : {}),
      ...(this.options.macros ? { macros: this.options.macros } : {}),
    });
    this.#cache.set(file.path, { key, loaded });
    return loaded;
  }

  /** Every deck of the folder, compiled or with its problems, sorted by id. */
  all(): Promise<DeckOutcome[]> {
    return Promise.all(
      this.files().map(async (file): Promise<DeckOutcome> => {
        try {
          return { file, loaded: await this.load(file) };
        } catch (error) {
          if (error instanceof DeckError) return { file, error };
          throw error;
        }
      }),
    );
  }

  /** The compiled decks, sorted by id; rejects with the first broken deck's DeckError. */
  async decks(): Promise<Deck[]> {
    return (await this.all()).map((outcome) => {
      if ('error' in outcome) throw outcome.error;
      return outcome.loaded.deck;
    });
  }
}

function contentKey(path: string): string {
  const hash = createHash('sha256').update(readFileSync(path));
  for (const file of [settingsPath(path), stylePath(path)]) {
    if (existsSync(file)) hash.update('\0').update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}
