/**
 * Reads a remark.js page as remark.js and the browser would: the Markdown in
 * `<textarea id="source">` (or the file `sourceUrl` names), the options of `remark.create()`,
 * the page's styles, and what else the page does with JavaScript that a build cannot carry
 * over (own macros, MathJax settings, other scripts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseScript } from 'acorn';
import type { CallExpression, Expression, Node, Program, Property, SpreadElement } from 'acorn';
import { parse as parseHtml } from 'parse5';
import { isLocalUrl } from '../assets';

export interface PageStyle {
  css: string;
  /** Directory that `url(…)`s in this CSS are relative to. */
  dir: string;
  /** Where it came from, for the report. */
  origin: string;
}

export interface RemarkPage {
  title: string;
  /** The textarea's Markdown; undefined when the page has none (or an empty one). */
  markdown: string | undefined;
  /** `sourceUrl` as written, when it is a plain string. */
  sourceUrl: string | undefined;
  /** The options of `remark.create()` that are plain values. */
  options: Record<string, unknown>;
  styles: PageStyle[];
  /** Stylesheets on the web, to be imported by URL. */
  remoteStyles: string[];
  /** What a build cannot carry over, one line each. */
  notCarried: string[];
  /** The page typesets formulas (MathJax or KaTeX). */
  math: boolean;
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  value?: string;
}

const MATH_LIBRARY = /mathjax|katex/i;

export function readPage(html: string, file: string): RemarkPage {
  const dir = dirname(file);
  const page: RemarkPage = {
    title: '',
    markdown: undefined,
    sourceUrl: undefined,
    options: {},
    styles: [],
    remoteStyles: [],
    notCarried: [],
    math: false,
  };
  const scripts: { code: string; origin: string }[] = [];

  walk(parseHtml(html) as HtmlNode, (node) => {
    const attribute = (name: string): string | undefined => node.attrs?.find((entry) => entry.name === name)?.value;
    switch (node.tagName) {
      case 'title':
        page.title = textOf(node).trim();
        break;
      case 'textarea':
        if (attribute('id') === 'source' && textOf(node).trim() !== '') page.markdown = textOf(node);
        break;
      case 'style':
        page.styles.push({ css: textOf(node), dir, origin: '<style> der Seite' });
        break;
      case 'link': {
        const href = attribute('href');
        if (!href || !/\bstylesheet\b/i.test(attribute('rel') ?? '')) break;
        if (MATH_LIBRARY.test(href)) {
          page.math = true;
        } else if (!isLocalUrl(href)) {
          page.remoteStyles.push(href);
        } else {
          const path = resolve(dir, href.replace(/[?#].*$/, ''));
          if (existsSync(path)) page.styles.push({ css: readFileSync(path, 'utf8'), dir: dirname(path), origin: href });
          else page.notCarried.push(`Stylesheet „${href}“ nicht gefunden`);
        }
        break;
      }
      case 'script': {
        const src = attribute('src');
        if (!src) {
          scripts.push({ code: textOf(node), origin: 'Skript in der Seite' });
        } else if (MATH_LIBRARY.test(src)) {
          page.math = true;
        } else if (/remark(-latest)?(\.min)?\.js$/i.test(src)) {
          // remark.js itself: the build replaces it.
        } else if (isLocalUrl(src) && existsSync(resolve(dir, src))) {
          scripts.push({ code: readFileSync(resolve(dir, src), 'utf8'), origin: src });
        } else {
          page.notCarried.push(`Skript „${src}“ wird nicht übernommen`);
        }
        break;
      }
      default:
        break;
    }
  });

  for (const script of scripts) readScript(script.code, script.origin, page);
  return page;
}

function readScript(code: string, origin: string, page: RemarkPage): void {
  if (/MathJax|renderMathInElement|katex/.test(code)) {
    page.math = true;
    if (/MathJax\.Hub\.Config|window\.MathJax\s*=|MathJax\s*=\s*\{/.test(code)) {
      page.notCarried.push(
        `MathJax-Einstellungen (${origin}): Formeln setzt der Build mit KaTeX; eigene TeX-Makros oder Trennzeichen wie \\( \\) werden nicht übernommen`,
      );
    }
  }
  for (const macro of code.matchAll(/remark\.macros(?:\.([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])\s*=/g)) {
    const name = macro[1] ?? macro[2]!;
    page.notCarried.push(
      name === 'scale'
        ? 'Makro „scale“: hier eingebaut'
        : `Makro „${name}“ (${origin}) ist JavaScript der Seite; als Funktion in slides/macros.ts eintragen`,
    );
  }
  let program: Program;
  try {
    program = parseScript(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
  } catch {
    try {
      program = parseScript(code, { ecmaVersion: 'latest', sourceType: 'module' });
    } catch {
      page.notCarried.push(`${origin}: kein lesbares JavaScript`);
      return;
    }
  }
  const call = findCreateCall(program);
  if (!call) {
    if (!/MathJax|renderMathInElement|remark\.macros/.test(code))
      page.notCarried.push(`${origin}: eigenes JavaScript wird nicht übernommen`);
    return;
  }
  const argument = call.arguments[0];
  const object = argument?.type === 'Identifier' ? findInitializer(program, argument.name) : argument;
  if (object && object.type === 'ObjectExpression') {
    for (const property of object.properties) readOption(property, page);
  }
  const callback = call.arguments[1];
  if (callback) page.notCarried.push(`${origin}: Rückruf von remark.create() wird nicht übernommen`);
}

function readOption(property: Property | SpreadElement, page: RemarkPage): void {
  if (property.type !== 'Property' || property.computed) return;
  const key =
    property.key.type === 'Identifier'
      ? property.key.name
      : property.key.type === 'Literal'
        ? String(property.key.value)
        : '';
  const value = valueOf(property.value as Expression);
  if (value === undefined) {
    page.notCarried.push(`Option „${key}“ ist keine feste Angabe (JavaScript) und wird nicht übernommen`);
    return;
  }
  if (key === 'sourceUrl' && typeof value === 'string') page.sourceUrl = value;
  else page.options[key] = value;
}

/** The value of a literal expression (strings, numbers, booleans, arrays, objects), else undefined. */
function valueOf(node: Expression): unknown {
  switch (node.type) {
    case 'Literal':
      return 'regex' in node && node.regex ? undefined : (node.value ?? undefined);
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? node.quasis.map((quasi) => quasi.value.cooked).join('') : undefined;
    case 'UnaryExpression': {
      const inner = valueOf(node.argument);
      return node.operator === '-' && typeof inner === 'number' ? -inner : node.operator === '!' ? !inner : undefined;
    }
    case 'ArrayExpression': {
      const items = node.elements.map((element) =>
        element && element.type !== 'SpreadElement' ? valueOf(element) : undefined,
      );
      return items.every((item) => item !== undefined) ? items : undefined;
    }
    case 'ObjectExpression': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed) return undefined;
        const key =
          property.key.type === 'Identifier' ? property.key.name : String((property.key as { value: unknown }).value);
        const value = valueOf(property.value as Expression);
        if (value === undefined) return undefined;
        result[key] = value;
      }
      return result;
    }
    default:
      return undefined;
  }
}

function findCreateCall(program: Program): CallExpression | undefined {
  let found: CallExpression | undefined;
  visitScript(program, (node) => {
    if (found || node.type !== 'CallExpression') return;
    const callee = (node as CallExpression).callee;
    if (
      callee.type === 'MemberExpression' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === 'remark' &&
      callee.property.type === 'Identifier' &&
      callee.property.name === 'create'
    ) {
      found = node as CallExpression;
    }
  });
  return found;
}

function findInitializer(program: Program, name: string): Expression | undefined {
  let found: Expression | undefined;
  visitScript(program, (node) => {
    if (found || node.type !== 'VariableDeclarator') return;
    const declarator = node as unknown as { id: Node & { name?: string }; init?: Expression | null };
    if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) found = declarator.init;
  });
  return found;
}

function visitScript(node: Node, visitor: (node: Node) => void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visitor(current);
    for (const value of Object.values(current)) {
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && 'type' in item) stack.push(item as Node);
      } else if (value && typeof value === 'object' && 'type' in value) {
        stack.push(value as Node);
      }
    }
  }
}

function walk(node: HtmlNode, visitor: (node: HtmlNode) => void): void {
  const stack: HtmlNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visitor(current);
    const children = current.content?.childNodes ?? current.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function textOf(node: HtmlNode): string {
  return (node.childNodes ?? []).map((child) => child.value ?? '').join('');
}
