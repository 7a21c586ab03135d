/**
 * Where a deck's image URLs point: relative to the deck file, else relative to the project
 * root (so `media/x.svg` in `slides/kapitel-2.md` finds `media/x.svg`); `/x` is root-relative.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** True for URLs that name a file of the project (no scheme, not protocol-relative, no anchor). */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(url);
}

/** The file an image URL refers to, or undefined when there is none. */
export function locateAsset(url: string, deckDir: string, root: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    return undefined;
  }
  const candidates = path.startsWith('/') ? [join(root, path)] : [resolve(deckDir, path), resolve(root, path)];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

export function missingAssetMessage(url: string): string {
  return `Bild „${url}“ nicht gefunden (gesucht neben dem Foliensatz und im Projektordner)`;
}
