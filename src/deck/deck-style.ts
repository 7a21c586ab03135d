/**
 * A deck's own stylesheet `slides/<id>.css` (for an imported remark.js deck: its page's
 * `<style>`), scoped to the slides so that it cannot break the viewer around them:
 *
 * - every selector is placed inside `.remark-slide`, so `h1` or `.inverse` style slides only;
 * - `html`, `body` and `:root` mean the slide's content, and only their inherited properties
 *   (fonts, colours) are kept: the page around the slides belongs to the viewer;
 * - rules for the viewer's own parts (`.remark-notes`, `.remark-slide-container`, `.vs-…`) and
 *   `@page` are dropped with a warning;
 * - local `url(…)`s are resolved like deck images (inside the project only).
 */
import postcss, { type AtRule, type Declaration, type Rule } from 'postcss';
import selectorParser, { type Selector } from 'postcss-selector-parser';
import { isLocalUrl } from './assets';
import { DeckError, type Diagnostic } from './diagnostics';

export interface DeckStyle {
  css: string;
  warnings: Diagnostic[];
}

const SCOPE = 'remark-slide';
/** remark.js classes that are part of a slide; every other `remark-…` class is the viewer's. */
const SLIDE_CLASSES = new Set([
  'remark-slide',
  'remark-slide-content',
  'remark-slide-number',
  'remark-slide-incremental',
  'remark-code',
  'remark-code-line',
  'remark-code-line-highlighted',
  'remark-code-span-highlighted',
  'remark-inline-code',
]);
const PAGE = new Set(['html', 'body']);
const INHERITED =
  /^(?:--|font|color$|line-height$|letter-spacing$|word-spacing$|word-wrap$|overflow-wrap$|word-break$|white-space$|text-|-webkit-font-smoothing$|-moz-osx-font-smoothing$|hyphens$|quotes$|tab-size$|direction$|list-style)/;
const URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/** `file` names the stylesheet in messages; `resolveUrl` maps a local URL to the page's URL or throws. */
export function scopeDeckStyle(css: string, file: string, resolveUrl: (url: string) => string): DeckStyle {
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const report = (list: Diagnostic[], severity: Diagnostic['severity'], message: string, line?: number): void => {
    list.push({ severity, file, ...(line !== undefined ? { line } : {}), message });
  };
  let root: postcss.Root;
  try {
    root = postcss.parse(css, { from: file });
  } catch (error) {
    const problem = error as { reason?: string; line?: number; message: string };
    report(errors, 'error', `kein gültiges CSS: ${problem.reason ?? problem.message}`, problem.line);
    throw new DeckError(errors);
  }

  root.walkAtRules((atRule) => {
    if (atRule.name.toLowerCase() === 'page') {
      report(warnings, 'warning', '„@page“ betrifft den Druck des Viewers und wird nicht übernommen', lineOf(atRule));
      atRule.remove();
    }
  });
  root.walkRules((rule) => {
    if (isInKeyframes(rule)) return;
    scopeRule(rule, (message) => report(warnings, 'warning', message, lineOf(rule)));
  });
  root.walkDecls((declaration) => {
    declaration.value = declaration.value.replace(URL, (match, quote: string, url: string) => {
      if (!isLocalUrl(url.trim())) return match;
      try {
        return `url(${quote}${resolveUrl(url.trim())}${quote})`;
      } catch (error) {
        report(errors, 'error', (error as Error).message, lineOf(declaration));
        return match;
      }
    });
  });
  if (errors.length > 0) throw new DeckError(errors);
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { css: root.toString(), warnings };
}

function scopeRule(rule: Rule, warn: (message: string) => void): void {
  const page: string[] = [];
  const slide: string[] = [];
  const dropped: string[] = [];
  try {
    selectorParser((selectors) => {
      selectors.each((selector) => {
        const kind = scopeSelector(selector);
        (kind === 'page' ? page : kind === 'slide' ? slide : dropped).push(selector.toString().trim());
      });
    }).processSync(rule.selector);
  } catch {
    warn(`„${rule.selector.trim().slice(0, 60)}“ ist kein gültiger Selektor; die Regel wird wie im Browser übergangen`);
    rule.remove();
    return;
  }

  if (dropped.length > 0) {
    warn(`„${dropped.join(', ')}“ betrifft den Viewer, nicht die Folien, und wird nicht übernommen`);
  }
  if (page.length > 0) {
    const pageRule = rule.clone({ selectors: page });
    const outside = pageRule.nodes.filter(
      (node): node is Declaration => node.type === 'decl' && !INHERITED.test(node.prop.toLowerCase()),
    );
    for (const declaration of outside) declaration.remove();
    if (outside.length > 0) {
      warn(
        `${outside.map((declaration) => `„${declaration.prop}“`).join(', ')} für die ganze Seite betrifft den Viewer und wird nicht übernommen; nur Schrift und Farbe gelten für die Folien`,
      );
    }
    if (pageRule.nodes.length > 0) rule.before(pageRule);
  }
  if (slide.length > 0) rule.selectors = slide;
  else rule.remove();
}

/** Rewrites the selector in place; says whether it now styles the slide, stands for the page, or must go. */
function scopeSelector(selector: Selector): 'slide' | 'page' | 'viewer' {
  let viewer = false;
  selector.walkClasses((node) => {
    if ((node.value.startsWith('remark-') && !SLIDE_CLASSES.has(node.value)) || node.value.startsWith('vs-')) {
      viewer = true;
    }
  });
  if (viewer) return 'viewer';

  const first = selector.nodes.findIndex((node) => node.type === 'combinator');
  const compound = first === -1 ? [...selector.nodes] : selector.nodes.slice(0, first);
  const pageNodes = compound.filter(
    (node) =>
      (node.type === 'tag' && PAGE.has(node.value.toLowerCase())) ||
      (node.type === 'pseudo' && node.value.toLowerCase() === ':root'),
  );
  const scope = selectorParser.className({ value: SCOPE });
  const descendant = selectorParser.combinator({ value: ' ' });
  const lead = selector.first;
  if (lead) {
    scope.spaces.before = lead.spaces.before;
    lead.spaces.before = '';
  }
  if (pageNodes.length > 0) {
    for (const node of pageNodes) node.remove();
    const content = selectorParser.className({ value: 'remark-slide-content' });
    selector.prepend(content);
    selector.prepend(descendant);
    selector.prepend(scope);
    return first === -1 ? 'page' : 'slide';
  }
  if (compound.some((node) => node.type === 'class' && node.value === SCOPE)) return 'slide';
  selector.prepend(descendant);
  selector.prepend(scope);
  return 'slide';
}

function isInKeyframes(rule: Rule): boolean {
  const parent = rule.parent;
  return parent?.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name);
}

function lineOf(node: { source?: { start?: { line: number } } }): number | undefined {
  return node.source?.start?.line;
}
