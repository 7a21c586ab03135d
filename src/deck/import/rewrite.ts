/**
 * Where a remark.js deck's Markdown must change so that our dialect shows what remark.js
 * showed. Each rewrite names its line for the import report.
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mathFromMarkdown } from 'mdast-util-math';
import { visit } from 'unist-util-visit';
import { lex } from '../lexer';
import { mathSyntax } from '../plugins/remark-math';

export interface Rewrite {
  line: number;
  from: string;
  to: string;
}

export interface Rewritten {
  text: string;
  rewrites: Rewrite[];
}

/** `#Titel` is a heading in remark.js (marked 0.3), text in CommonMark: `# Titel`. */
export function rewriteHeadings(text: string): Rewritten {
  const lines = text.split('\n');
  const rewrites: Rewrite[] = [];
  for (const warning of lex(text).warnings) {
    if (!warning.rewrite) continue;
    const index = warning.line - 1;
    lines[index] = lines[index]!.replace(warning.rewrite.from, warning.rewrite.to);
    rewrites.push({ line: warning.line, ...warning.rewrite });
  }
  return { text: lines.join('\n'), rewrites };
}

/** The Markdown escapes marked 0.3 removed from a formula before MathJax saw it. */
const MARKED_ESCAPE = /\\([\\`*{}[\]()#+\-.!_>])/g;

/**
 * In remark.js, Markdown ran over formulas first: `\_` reached MathJax as `_`, `\\{` as `\{`.
 * Inside our formulas TeX's rules hold, so the formula is written as MathJax saw it.
 */
export function rewriteFormulas(text: string): Rewritten {
  const tree = fromMarkdown(text, { extensions: [mathSyntax()], mdastExtensions: [mathFromMarkdown()] }) as Root;
  const edits: { start: number; end: number; to: string }[] = [];
  visit(tree, ['math', 'inlineMath'], (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end);
    const to = source.replace(MARKED_ESCAPE, '$1');
    if (to !== source) edits.push({ start, end, to });
  });
  return applyEdits(text, edits);
}

/** Replaces each local file URL as written (in a link, an attribute or `url(…)`) by its new path. */
export function rewriteUrls(text: string, urls: ReadonlyMap<string, string>): Rewritten {
  const edits: { start: number; end: number; to: string }[] = [];
  for (const [from, to] of urls) {
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const match of text.matchAll(new RegExp(`(?<=[("'=]\\s*)${escaped}(?=\\s*[)"'\\s>])`, 'g'))) {
      edits.push({ start: match.index, end: match.index + from.length, to });
    }
  }
  return applyEdits(text, edits);
}

function applyEdits(text: string, edits: { start: number; end: number; to: string }[]): Rewritten {
  edits.sort((a, b) => a.start - b.start);
  let result = '';
  let copied = 0;
  const rewrites: Rewrite[] = [];
  for (const edit of edits) {
    if (edit.start < copied) continue;
    result += text.slice(copied, edit.start) + edit.to;
    rewrites.push({ line: lineAt(text, edit.start), from: text.slice(edit.start, edit.end), to: edit.to });
    copied = edit.end;
  }
  return { text: result + text.slice(copied), rewrites };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
