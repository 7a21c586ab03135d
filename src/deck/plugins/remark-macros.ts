/**
 * remark plugin: expands macro calls. `![:name args](value)` parses as an image whose alt text
 * starts with `:`; `![:name args]` without parentheses stays text and is found in text nodes.
 * Code is never touched (R47). A result is parsed as Markdown again, so macros nest (R46); a
 * result with block content (a figure, a demo) splits the paragraph it stood in.
 */
import type { Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { Processor } from 'unified';
import { ContentProblem } from '../diagnostics';
import type { MacroCall, MacroRegistry } from '../macros';
import { contextOf } from '../context';
import { isInterElementWhitespace } from '../html';

const MAX_DEPTH = 10;
const TEXT_CALL = /!\[:([^\]\s]+)([^\]]*)\](?:\(([^)]*)\))?/g;
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
  'inlineMath',
]);
/** HTML that CommonMark treats as a block (its type-6 tags), e.g. `<figure>` or `<div>`. */
const BLOCK_HTML =
  /^<(?:address|article|aside|blockquote|details|dialog|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul)[\s/>]/i;

export default function remarkMacros(this: Processor) {
  const parse = (markdown: string): Root => this.parse(markdown) as Root;
  return (tree: Root, file: { data: object }) => {
    const { macros } = contextOf(file.data).settings;
    expandIn(tree, { macros, parse, depth: 0 });
  };
}

interface Expansion {
  macros: MacroRegistry;
  parse: (markdown: string) => Root;
  depth: number;
}

function expandIn(parent: Parent, expansion: Expansion): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    const replaced = expandNode(child, expansion);
    if (replaced) {
      children.push(...replaced);
      continue;
    }
    if ('children' in child) expandIn(child, expansion);
    if (child.type === 'paragraph' && parent.type !== 'paragraph') children.push(...liftBlocks(child));
    else children.push(child);
  }
  parent.children = children;
}

function expandNode(node: Nodes, expansion: Expansion): RootContent[] | undefined {
  if (node.type === 'image' && node.alt?.startsWith(':')) {
    const [name = '', rest = ''] = splitName(node.alt.slice(1));
    return run({ name, args: splitArgs(rest), value: node.url }, `![${node.alt}`, expansion);
  }
  if (node.type === 'text' && node.value.includes('![:')) return expandText(node, expansion);
  return undefined;
}

function expandText(node: Text, expansion: Expansion): RootContent[] | undefined {
  const result: RootContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(TEXT_CALL)) {
    if (match.index > last) result.push({ type: 'text', value: node.value.slice(last, match.index) });
    const call = { name: match[1]!, args: splitArgs(match[2]!), value: match[3] };
    result.push(...run(call, `![:${match[1]}`, expansion));
    last = match.index + match[0].length;
  }
  if (last === 0) return undefined;
  if (last < node.value.length) result.push({ type: 'text', value: node.value.slice(last) });
  return result;
}

function run(call: MacroCall, snippet: string, expansion: Expansion): RootContent[] {
  const macro = Object.hasOwn(expansion.macros, call.name) ? expansion.macros[call.name] : undefined;
  if (!macro) {
    const known = Object.keys(expansion.macros).sort().join(', ');
    throw new ContentProblem(`Unbekanntes Makro „${call.name}“ (vorhanden: ${known})`, snippet);
  }
  if (expansion.depth >= MAX_DEPTH) {
    throw new ContentProblem(
      `Makro „${call.name}“: Makros rufen sich mehr als ${MAX_DEPTH}-fach verschachtelt auf`,
      snippet,
    );
  }
  let output: unknown;
  try {
    output = macro(call);
  } catch (error) {
    throw new ContentProblem(`Makro „${call.name}“: ${(error as Error).message}`, snippet);
  }
  const markdown = output === undefined || output === null ? '' : String(output);
  const tree = expansion.parse(markdown);
  expandIn(tree, { ...expansion, depth: expansion.depth + 1 });
  const [only] = tree.children;
  return tree.children.length === 1 && only?.type === 'paragraph' ? only.children : tree.children;
}

/** A paragraph whose children now include blocks becomes paragraphs around those blocks. */
function liftBlocks(paragraph: Paragraph): RootContent[] {
  if (!paragraph.children.some(isBlock)) return [paragraph];
  const result: RootContent[] = [];
  let inline: Paragraph['children'] = [];
  const flush = (): void => {
    if (inline.some((node) => node.type !== 'text' || !isInterElementWhitespace(node.value))) {
      result.push({ type: 'paragraph', children: trimEdges(inline) });
    }
    inline = [];
  };
  for (const child of paragraph.children as RootContent[]) {
    if (isBlock(child)) {
      flush();
      result.push(child);
    } else {
      inline.push(child as Paragraph['children'][number]);
    }
  }
  flush();
  return result;
}

/** Drops the line break a split leaves at the start or end of a paragraph's text. */
function trimEdges(children: Paragraph['children']): Paragraph['children'] {
  const first = children[0];
  if (first?.type === 'text') children[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const last = children.at(-1);
  if (last?.type === 'text') children[children.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return children;
}

function isBlock(node: RootContent): boolean {
  return !PHRASING.has(node.type) || (node.type === 'html' && BLOCK_HTML.test(node.value));
}

function splitName(text: string): [string, string] {
  const end = text.search(/[\s\]]/);
  return end === -1 ? [text, ''] : [text.slice(0, end), text.slice(end + 1)];
}

function splitArgs(text: string): string[] {
  return text.split(',').map((arg) => arg.trim());
}
