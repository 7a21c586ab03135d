/**
 * `npm run deck -- import <page.html | deck.md>`: a remark.js deck becomes a deck of ours —
 * `slides/<id>.md` (unchanged where it compiles the same, rewritten where our dialect differs),
 * `slides/<id>.json` (the `remark.create()` options, remark's 4:3 default explicit),
 * `slides/<id>.css` (the page's styles), its local images and files under `media/<id>/`, and a
 * report of every rewrite and of what could not be carried over.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import postcss from 'postcss';
import { bundledLanguages } from 'shiki';
import { isLocalUrl } from '../assets';
import { codeTheme } from '../code-themes';
import { compileDeck } from '../compile';
import { DeckError, formatDiagnostic, type Diagnostic } from '../diagnostics';
import { loadDeck } from '../load';
import type { MacroRegistry } from '../macros';
import { normalizeSource } from '../source';
import { readPage, type PageStyle, type RemarkPage } from './page';
import { rewriteFormulas, rewriteHeadings, rewriteUrls, type Rewrite } from './rewrite';

/** A page or file that cannot be imported, with a German reason. */
export class ImportError extends Error {
  override name = 'ImportError';
}

export interface ImportOptions {
  /** Project root: the deck goes to `<root>/slides`, its files to `<root>/media/<id>`. */
  root: string;
  id?: string;
  /** The Markdown file, for a page that loads it at run time (`sourceUrl` from JavaScript). */
  source?: string;
  /** Overwrite an existing deck of that id. */
  force?: boolean;
  /** The project's macros, for the check of the written deck. */
  macros?: MacroRegistry;
}

export interface ImportResult {
  id: string;
  /** Files written, relative to the root. */
  written: string[];
  /** The report, one line each (German). */
  report: string[];
  /** Problems of the imported deck as `deck check` reports them; errors mean it does not build yet. */
  diagnostics: Diagnostic[];
}

/** Ratios our canvas has, and what they are as numbers. */
const RATIOS: Record<string, number> = { '4:3': 4 / 3, '16:9': 16 / 9 };
const BOOLEAN_OPTIONS = [
  'highlightLines',
  'highlightSpans',
  'countIncrementalSlides',
  'disableIncrementalSlides',
  'includePresenterNotes',
  'inheritPresenterNotes',
];
/**
 * remark.js's own slide metrics (20 px text on a 681 px high slide, browser defaults around it),
 * for our 720 px high slide: what filled a slide there fills it here. The deck's own rules win.
 */
const REMARK_METRICS = `/* Grundmaße von remark.js (20 px Text auf 681 px Folienhöhe), für unsere 720 px umgerechnet;
   remark.js hat keine eigenen Klassen wie .footnote oder .pull-left, also auch hier nicht. */
:where(.remark-slide-content) {
  padding: 1em 4em;
  font: 21px/normal serif;
}
:where(.remark-slide-content) :is(h1, h2, h3, h4, p, ul, ol, li, blockquote, table) {
  margin: revert;
  line-height: revert;
  font-weight: revert;
}
:where(.remark-slide-content) :is(ul, ol) {
  padding-left: revert;
}
:where(.remark-slide-content) h1 {
  font-size: 58px;
}
:where(.remark-slide-content) h2 {
  font-size: 48px;
}
:where(.remark-slide-content) h3 {
  font-size: 37px;
}
:where(.remark-slide-content) pre {
  font-size: 19px;
  line-height: normal;
}
:where(.remark-slide-content) :is(.footnote, .pull-left, .pull-right, .left-column, .right-column) {
  all: revert;
}`;

const PLAIN_CODE = new Set(['', 'no-highlight', 'nohighlight', 'plaintext', 'plain', 'text']);
const DROPPED: Record<string, string> = {
  highlightInlineCode: 'Code im Text wird nicht hervorgehoben',
  timer: 'die Referentenansicht hat ihren eigenen Timer',
  container: 'die Folien füllen ihre eigene Seite',
  cloneTarget: 'das Beamer-Fenster öffnet der Viewer selbst',
  controller: 'Tasten, Maus und Touch steuert der Viewer selbst',
  source: 'die Folien stehen in der .md-Datei',
};

export async function importDeck(input: string, options: ImportOptions): Promise<ImportResult> {
  const root = resolve(options.root);
  const inputPath = resolve(input);
  const isPage = /\.html?$/i.test(inputPath);
  const page = isPage ? readPage(readFileSync(inputPath, 'utf8'), inputPath) : undefined;
  const id = options.id ?? idFrom(inputPath);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new ImportError(`„${id}“ taugt nicht als Name eines Foliensatzes; mit --id einen wie „vortrag-1“ angeben`);
  }
  const deckPath = join(root, 'slides', `${id}.md`);
  if (existsSync(deckPath) && !options.force) {
    throw new ImportError(
      `slides/${id}.md gibt es schon; mit --force überschreiben oder mit --id einen anderen Namen wählen`,
    );
  }

  const report: string[] = [];
  const { markdown, origin } = sourceOf(inputPath, page, options.source);
  report.push(`Folien aus ${origin} → slides/${id}.md`);
  // URLs in the Markdown are relative to the page it is shown in.
  const base = dirname(inputPath);

  let text = normalizeSource(markdown);
  const rewrites: { what: string; list: Rewrite[] }[] = [];
  for (const [what, rewrite] of [
    ['Überschrift ohne Leerzeichen', rewriteHeadings],
    ['Formel (Markdown-Backslashes entfernt, wie MathJax sie sah)', rewriteFormulas],
  ] as const) {
    const result = rewrite(text);
    text = result.text;
    if (result.rewrites.length > 0) rewrites.push({ what, list: result.rewrites });
  }

  const media = new MediaCopy(root, id, base);
  const urls = new Map<string, string>();
  const probe = await probeDeck(id, text);
  for (const url of probe.images) {
    const copied = media.copy(url, base);
    if (copied) urls.set(url, copied);
    else report.push(`Fehlt: „${url}“ (gesucht relativ zu ${relativeTo(root, base)}); bitte nach media/${id}/ legen`);
  }
  const moved = rewriteUrls(text, urls);
  text = moved.text;
  if (moved.rewrites.length > 0) rewrites.push({ what: 'Dateipfad', list: moved.rewrites });
  for (const { what, list } of rewrites) {
    for (const rewrite of list)
      report.push(`Umgeschrieben, Zeile ${rewrite.line}: ${what}: „${rewrite.from}“ → „${rewrite.to}“`);
  }

  const written: string[] = [];
  const write = (path: string, content: string): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    written.push(relativeTo(root, path));
  };
  write(deckPath, text.endsWith('\n') ? text : `${text}\n`);

  const sidecar = sidecarOf(page, report);
  if (!page?.options.ratio) report.push('ratio: remark.js-Standard 4:3, jetzt ausdrücklich eingetragen');
  if (page?.options.inheritPresenterNotes === undefined) {
    sidecar.inheritPresenterNotes = true;
    report.push(
      'inheritPresenterNotes: wie in remark.js 0.14 zeigen Schritte und Folien mit Vorlage auch deren Notizen',
    );
  }
  if (probe.title === id && page?.title) sidecar.title = page.title;
  write(join(root, 'slides', `${id}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);

  write(join(root, 'slides', `${id}.css`), stylesheetOf(page, media, report));
  if (page) {
    if (page.math)
      report.push('Formeln ($…$, $$…$$) setzt jetzt der Build mit KaTeX; MathJax/KaTeX der Seite entfällt');
    for (const line of new Set(page.notCarried)) report.push(`Nicht übernommen: ${line}`);
  }
  written.push(...media.written);

  let diagnostics: Diagnostic[];
  try {
    diagnostics = (await loadDeck(deckPath, { root, ...(options.macros ? { macros: options.macros } : {}) })).warnings;
    report.push(`Prüfung: slides/${id}.md baut (${diagnostics.length} Warnungen)`);
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    diagnostics = error.diagnostics;
    report.push(`Prüfung: slides/${id}.md baut noch nicht`);
  }
  for (const diagnostic of diagnostics) report.push(`  ${formatDiagnostic(diagnostic)}`);
  return { id, written, report, diagnostics };
}

function sourceOf(
  inputPath: string,
  page: RemarkPage | undefined,
  source: string | undefined,
): { markdown: string; origin: string } {
  if (source) return { markdown: readFileSync(source, 'utf8'), origin: source };
  if (!page) return { markdown: readFileSync(inputPath, 'utf8'), origin: basename(inputPath) };
  if (page.markdown !== undefined)
    return { markdown: page.markdown, origin: `${basename(inputPath)} (<textarea id="source">)` };
  if (page.sourceUrl && isLocalUrl(page.sourceUrl)) {
    const path = resolve(dirname(inputPath), page.sourceUrl);
    if (existsSync(path)) return { markdown: readFileSync(path, 'utf8'), origin: `${page.sourceUrl} (sourceUrl)` };
  }
  throw new ImportError(
    page.sourceUrl
      ? `Die Seite lädt ihre Folien zur Laufzeit von „${page.sourceUrl}“; die Datei mit --source DATEI.md angeben`
      : 'Die Seite enthält keine Folien (kein <textarea id="source">, kein sourceUrl); die Datei mit --source DATEI.md angeben',
  );
}

/** Compiles the deck once to learn its local files and title; problems are reported later. */
async function probeDeck(id: string, text: string): Promise<{ images: string[]; title: string }> {
  const images = new Set<string>();
  try {
    const { deck } = await compileDeck({
      id,
      file: `${id}.md`,
      source: text,
      resolveAsset: (url) => {
        images.add(url);
        return url;
      },
    });
    return { images: [...images], title: deck.title };
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    return { images: [...images], title: id };
  }
}

/** The `remark.create()` options as our sidecar holds them. */
function sidecarOf(page: RemarkPage | undefined, report: string[]): Record<string, unknown> {
  const options = page?.options ?? {};
  const sidecar: Record<string, unknown> = {};
  const ratio = typeof options.ratio === 'string' ? options.ratio : '4:3';
  if (RATIOS[ratio]) {
    sidecar.ratio = ratio;
  } else {
    const [w = 4, h = 3] = ratio.split(':').map(Number);
    const nearest = Object.entries(RATIOS).sort((a, b) => Math.abs(a[1] - w / h) - Math.abs(b[1] - w / h))[0]![0];
    sidecar.ratio = nearest;
    report.push(`ratio „${ratio}“ gibt es hier nicht; nächstes Seitenverhältnis: ${nearest}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (key === 'ratio') continue;
    if (BOOLEAN_OPTIONS.includes(key)) {
      if (typeof value === 'boolean' || value === 'true' || value === 'false')
        sidecar[key] = value === true || value === 'true';
      else report.push(`Nicht übernommen: Option „${key}“ (${JSON.stringify(value)}): hier nur true oder false`);
    } else if (key === 'highlightLanguage' && typeof value === 'string') {
      // highlight.js's names for "no highlighting" are our default.
      if (PLAIN_CODE.has(value)) continue;
      if (Object.hasOwn(bundledLanguages, value)) sidecar[key] = value;
      else
        report.push(
          `Nicht übernommen: highlightLanguage „${value}“ kennt der Build nicht; Code ohne Sprache bleibt ohne Hervorhebung`,
        );
    } else if (key === 'highlightStyle' && typeof value === 'string') {
      if (codeTheme(value)) sidecar[key] = value;
      else report.push(`Nicht übernommen: highlightStyle „${value}“ gibt es hier nicht; Code im hellen Standardthema`);
    } else if ((key === 'slideNumberFormat' && typeof value === 'string') || key === 'excludedClasses') {
      sidecar[key] = value;
    } else if (key === 'navigation' && typeof value === 'object' && value !== null) {
      sidecar[key] = Object.fromEntries(
        Object.entries(value).filter(
          ([name, flag]) => ['scroll', 'touch', 'click'].includes(name) && typeof flag === 'boolean',
        ),
      );
    } else {
      report.push(`Nicht übernommen: Option „${key}“${DROPPED[key] ? `: ${DROPPED[key]}` : ''}`);
    }
  }
  return sidecar;
}

function stylesheetOf(page: RemarkPage | undefined, media: MediaCopy, report: string[]): string {
  const remote = [...(page?.remoteStyles ?? [])];
  const parts: string[] = [REMARK_METRICS];
  report.push(`Stil: Grundmaße von remark.js (Schriftgrößen, Abstände) stehen am Anfang von slides/${media.id}.css`);
  const styles = page?.styles ?? [];
  for (const style of styles) {
    parts.push(`/* ${style.origin} */\n${localUrls(style, media, remote, report).trim()}`);
  }
  for (const href of remote) report.push(`Stil aus dem Netz: ${href} (wird beim Vortrag geladen, offline fehlt er)`);
  parts.unshift(...remote.map((href) => `@import url(${JSON.stringify(href)});`));
  if (styles.length > 0)
    report.push(`Stil: ${styles.map((style) => style.origin).join(', ')} → slides/${media.id}.css`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * The style with its local `url(…)`s copied under media/ and rewritten, and the local
 * stylesheets it `@import`s put in its place. `@import`s of web stylesheets (fonts) go to
 * `remote`, to stand first.
 */
function localUrls(style: PageStyle, media: MediaCopy, remote: string[], report: string[], depth = 0): string {
  let css: postcss.Root;
  try {
    css = postcss.parse(style.css);
  } catch (error) {
    report.push(`Nicht übernommen: ${style.origin} ist kein lesbares CSS (${(error as Error).message})`);
    return '';
  }
  css.walkDecls((declaration) => {
    declaration.value = declaration.value.replace(
      /url\(\s*(['"]?)([^'")]+)\1\s*\)/g,
      (match, quote: string, url: string) => {
        if (!isLocalUrl(url.trim()) || url.startsWith('data:')) return match;
        const copied = media.copy(url.trim(), style.dir);
        if (copied) return `url(${quote}${copied}${quote})`;
        report.push(`Fehlt: „${url}“ aus ${style.origin}`);
        return match;
      },
    );
  });
  css.walkAtRules('import', (rule) => {
    const [, url = '', media_ = ''] = /^(?:url\()?\s*['"]?([^'")\s]+)['"]?\)?\s*(.*)$/.exec(rule.params) ?? [];
    if (!isLocalUrl(url)) {
      remote.push(url);
      rule.remove();
      return;
    }
    const path = resolve(style.dir, url);
    if (!existsSync(path) || depth > 5) {
      report.push(`Nicht übernommen: @import ${rule.params} in ${style.origin} (Datei fehlt)`);
      rule.remove();
      return;
    }
    const inner = localUrls(
      { css: readFileSync(path, 'utf8'), dir: dirname(path), origin: url },
      media,
      remote,
      report,
      depth + 1,
    );
    rule.replaceWith(media_ ? `@media ${media_} {\n${inner}\n}` : inner);
  });
  return css.toString();
}

/** Copies a deck's local files to `media/<id>/`, keeping their paths below the page's folder. */
class MediaCopy {
  readonly written: string[] = [];
  readonly #done = new Map<string, string>();

  constructor(
    private readonly root: string,
    readonly id: string,
    private readonly base: string,
  ) {}

  /** The new URL of a file named relative to `dir`, or undefined when there is no such file. */
  copy(url: string, dir: string): string | undefined {
    let path: string;
    try {
      path = resolve(dir, decodeURIComponent(url.replace(/[?#].*$/, '')));
    } catch {
      return undefined;
    }
    if (!existsSync(path)) return undefined;
    const below = relative(this.base, path);
    const name = below.startsWith('..') ? basename(path) : below.split(sep).join('/');
    const target = `media/${this.id}/${name}`;
    if (!this.#done.has(path)) {
      mkdirSync(dirname(join(this.root, target)), { recursive: true });
      copyFileSync(path, join(this.root, target));
      this.written.push(target);
      this.#done.set(path, target);
    }
    return this.#done.get(path);
  }
}

function idFrom(path: string): string {
  const name = basename(path, extname(path));
  const raw = name === 'index' ? basename(dirname(path)) : name;
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}
