/**
 * Where a deck's image URLs point. Only files of the project may be published with a deck:
 * beside the deck (or below it) and under `media/`. A URL is tried relative to the deck file,
 * then relative to the project root (so `media/x.svg` in `slides/kapitel-2.md` finds
 * `media/x.svg`); `/x` is root-relative. Symbolic links count where they lead.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** True for URLs that name a file of the project (no scheme, not protocol-relative, no anchor). */
export function isLocalUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(url);
}

const UNSAFE = /^(?:javascript|vbscript|data):/i;

/** True for a URL that runs script when followed (an image may be `data:image/…`). */
export function isUnsafeUrl(url: string, image = false): boolean {
  // Browsers ignore control characters and whitespace in a scheme.
  const normalized = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return UNSAFE.test(normalized) && !(image && /^data:image\//i.test(normalized));
}

/** The file a local URL refers to; throws with a German reason when it is missing or outside the project. */
export function locateAsset(url: string, deckDir: string, root: string): string {
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    throw new Error(`„${url}“ ist keine gültige Adresse`);
  }
  const candidates = path.startsWith('/') ? [join(root, path)] : [resolve(deckDir, path), resolve(root, path)];
  const allowed = [deckDir, join(root, 'media')];
  const real = allowed.filter(existsSync).map((dir) => realpathSync(dir));
  let inside = false;
  for (const candidate of candidates) {
    if (!allowed.some((dir) => isInside(candidate, dir))) continue;
    inside = true;
    if (!existsSync(candidate) || !statSync(candidate).isFile()) continue;
    const target = realpathSync(candidate);
    if (real.some((dir) => isInside(target, dir))) return candidate;
    inside = false;
  }
  throw new Error(
    inside
      ? `Bild „${url}“ nicht gefunden (gesucht neben dem Foliensatz und in media/)`
      : `„${url}“ liegt außerhalb des Projekts; Bilder und Dateien müssen neben dem Foliensatz oder in media/ liegen`,
  );
}

function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}
