/**
 * The built site (`dist/`) is rebuilt before it is served or printed when anything it is built
 * from changed after it: slides, media, sources, pages, build configuration or dependencies.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Project root, as seen from this file. */
const ROOT = resolve(import.meta.dirname, '../..');
/** What `vite build` reads; folders are walked (dot files and node_modules skipped). */
const INPUTS = ['slides', 'media', 'src', 'index.html', 'praesentationen.html', 'vite.config.ts', 'package-lock.json'];

interface Newest {
  path: string;
  mtimeMs: number;
}

function newestIn(path: string, best: Newest | undefined): Newest | undefined {
  if (!existsSync(path)) return best;
  const stat = statSync(path);
  if (!stat.isDirectory()) return !best || stat.mtimeMs > best.mtimeMs ? { path, mtimeMs: stat.mtimeMs } : best;
  for (const entry of readdirSync(path)) {
    if (!entry.startsWith('.') && entry !== 'node_modules') best = newestIn(join(path, entry), best);
  }
  return best;
}

/** Why the site in `siteDir` must be built (German, for the console), or null when it is up to date. */
export function staleReason(siteDir: string, root = ROOT): string | null {
  const built = join(siteDir, 'index.html');
  if (!existsSync(built)) return `Die Website ist noch nicht gebaut (${built} fehlt).`;
  const builtAt = statSync(built).mtimeMs;
  let newest: Newest | undefined;
  for (const input of INPUTS) newest = newestIn(join(root, input), newest);
  if (!newest || newest.mtimeMs <= builtAt) return null;
  return `Die Website in ${siteDir} ist älter als ${relative(root, newest.path)}.`;
}

/**
 * Builds the site into `siteDir` when it is missing or older than its inputs, and says on the
 * console what it does. `build` is Vite's, loaded only when needed.
 */
export async function ensureFreshSite(
  siteDir: string,
  {
    root = ROOT,
    log = console.log,
    build = viteBuild,
  }: { root?: string; log?: (line: string) => void; build?: (outDir: string) => Promise<void> } = {},
): Promise<void> {
  const reason = staleReason(siteDir, root);
  if (!reason) {
    log(`Website in ${siteDir} ist aktuell.`);
    return;
  }
  log(`${reason} Baue sie neu (vite build) …`);
  const started = performance.now();
  await build(siteDir);
  log(`Website gebaut in ${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s.`);
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn', configLoader: 'runner', build: { outDir, emptyOutDir: true } });
}
