/**
 * Nesting bounds, checked on a document's Markdown before it is parsed. The Markdown parser
 * needs quadratic time for deep nesting (3,000 `>` or 1,500 nested `- ` take seconds), the tree
 * stages after it recurse once per level and overflow the stack, and 2,000 nested `*_` take
 * seconds too, as do formulas with hundreds of nested groups. Real slides stay far below these
 * limits. Code is not counted.
 */
import { codeSpanEnds } from './code-spans';
import { ContentProblem } from './diagnostics';

export const NESTING_LIMITS = {
  /** Lists and block quotes in one line (markers plus list indentation). */
  blocks: 32,
  /** Unclosed `[` in a paragraph (links, images, footnotes). */
  brackets: 32,
  /** Unclosed `{` in a paragraph (groups in formulas). */
  braces: 32,
  /** Open HTML elements in a document. */
  html: 32,
  /** Runs of `*`, `_` or `~` in a paragraph. */
  emphasis: 200,
};

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER = /^[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/;
const CLOSE_TAG = /^<\/[A-Za-z][A-Za-z0-9-]*\s*>/;
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Throws a ContentProblem naming the line that nests too deeply. */
export function checkNesting(markdown: string): void {
  let fence: string | undefined;
  let previousBlank = true;
  let inIndentedCode = false;
  let brackets = 0;
  let braces = 0;
  let emphasis = 0;
  let html = 0;
  for (const line of markdown.split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      continue;
    }
    const opened = FENCE.exec(line);
    if (opened) {
      fence = opened[1]!;
      continue;
    }
    const blank = line.trim() === '';
    inIndentedCode = !blank && /^(?: {4}|\t)/.test(line) && (previousBlank || inIndentedCode);
    previousBlank = blank;
    if (blank) {
      brackets = 0;
      braces = 0;
      emphasis = 0;
    }
    if (blank || inIndentedCode) continue;

    const blocks = containerDepth(line);
    if (blocks > NESTING_LIMITS.blocks) {
      fail(
        `Listen und Zitate sind hier ${blocks} Ebenen tief verschachtelt (höchstens ${NESTING_LIMITS.blocks})`,
        line,
      );
    }
    const spans = line.includes('`') ? codeSpanEnds(line) : undefined;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch === '\\') {
        i++;
      } else if (ch === '`') {
        const end = spans?.get(i);
        if (end !== undefined) i = end - 1;
      } else if (ch === '[') {
        if (++brackets > NESTING_LIMITS.brackets) {
          fail(`Mehr als ${NESTING_LIMITS.brackets} eckige Klammern „[“ sind in einem Absatz offen`, line);
        }
      } else if (ch === ']') {
        if (brackets > 0) brackets--;
      } else if (ch === '{') {
        if (++braces > NESTING_LIMITS.braces) {
          fail(`Mehr als ${NESTING_LIMITS.braces} geschweifte Klammern „{“ sind in einem Absatz offen`, line);
        }
      } else if (ch === '}') {
        if (braces > 0) braces--;
      } else if (ch === '*' || ch === '_' || ch === '~') {
        while (line[i + 1] === ch) i++;
        if (++emphasis > NESTING_LIMITS.emphasis) {
          fail(`Mehr als ${NESTING_LIMITS.emphasis} Folgen von „*“, „_“ oder „~“ in einem Absatz`, line);
        }
      } else if (ch === '<') {
        const rest = line.slice(i, i + 40);
        if (CLOSE_TAG.test(rest)) {
          if (html > 0) html--;
        } else {
          const tag = OPEN_TAG.exec(rest);
          if (tag && !VOID.has(tag[1]!.toLowerCase()) && !selfClosing(line, i) && ++html > NESTING_LIMITS.html) {
            fail(`HTML-Elemente sind mehr als ${NESTING_LIMITS.html} Ebenen tief verschachtelt`, line);
          }
        }
      }
    }
  }
}

/** Block quote and list markers at the start of a line, plus the list nesting its indentation implies. */
function containerDepth(line: string): number {
  let depth = 0;
  let rest = line;
  let indent: number | undefined;
  for (;;) {
    const marker = CONTAINER.exec(rest);
    if (!marker) break;
    indent ??= width(/^[ \t]*/.exec(rest)![0]);
    depth++;
    rest = rest.slice(marker[0].length);
  }
  return depth === 0 ? 0 : depth + Math.floor((indent ?? 0) / 2);
}

function width(whitespace: string): number {
  let columns = 0;
  for (const ch of whitespace) columns += ch === '\t' ? 4 : 1;
  return columns;
}

function selfClosing(line: string, from: number): boolean {
  const end = line.slice(from, from + 500).indexOf('>');
  return end > 0 && line[from + end - 1] === '/';
}

function fail(message: string, line: string): never {
  throw new ContentProblem(message, line.trim().slice(0, 60));
}
