/**
 * The stylesheet that typeset formulas need: KaTeX's CSS with its fonts (WOFF2 only, which
 * every browser we support reads), each font URL mapped by `fontUrl` — a hashed asset in the
 * build. Only pages of decks with formulas get it; no math JavaScript reaches the browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const stylesheet = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
const FONT_SOURCES = /src:url\(fonts\/([\w-]+\.woff2)\) format\("woff2"\)(?:,url\([^)]*\) format\("[\w]+"\))*/g;

export function mathStylesheet(fontUrl: (file: string) => string): string {
  const fonts = join(dirname(stylesheet), 'fonts');
  return readFileSync(stylesheet, 'utf8').replace(
    FONT_SOURCES,
    (_match, font: string) => `src:url(${fontUrl(join(fonts, font))}) format("woff2")`,
  );
}
