/**
 * rehype plugin: code highlighting at build time with shiki (R53–R56), with remark.js's class
 * names: `remark-code` on a block's `<code>`, `remark-code-line` on every line,
 * `remark-code-line-highlighted` on lines starting with `*` when the deck sets
 * `highlightLines` (the star is removed before highlighting), `remark-inline-code` on inline code.
 */
import type { Element, Root } from 'hast';
import { bundledLanguages, createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import { contextOf } from '../context';
import { addClass, codeLanguage, textOf } from './hast';

export const CODE_THEME = 'github-light';
const PLAIN = 'text';

let highlighter: Promise<Highlighter> | undefined;
const loading = new Map<string, Promise<void>>();

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [CODE_THEME], langs: [] });
  return highlighter;
}

async function loadLanguage(shiki: Highlighter, language: BundledLanguage): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = shiki.loadLanguage(language);
    loading.set(language, load);
  }
  await load;
}

export default function rehypeHighlight() {
  return async (tree: Root, file: { data: object }) => {
    const { settings } = contextOf(file.data);
    const blocks: { pre: Element; code: Element; index: number; parent: Root | Element }[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName === 'pre') {
        const [code] = node.children;
        if (code?.type === 'element' && code.tagName === 'code' && parent && index !== undefined) {
          blocks.push({ pre: node, code, index, parent });
        }
        return 'skip';
      }
      if (node.tagName === 'code') addClass(node, 'remark-inline-code');
      return undefined;
    });
    if (blocks.length === 0) return;

    const shiki = await getHighlighter();
    for (const { code, index, parent } of blocks) {
      const requested = codeLanguage(code);
      let language = PLAIN;
      if (requested && Object.hasOwn(bundledLanguages, requested)) {
        await loadLanguage(shiki, requested as BundledLanguage);
        language = requested;
      } else if (requested) {
        settings.warn(`Unbekannte Sprache „${requested}“ im Code-Block – er bleibt ohne Hervorhebung`, `\`\`\`${requested}`);
      }
      const { text, highlighted } = markedLines(textOf(code).replace(/\n$/, ''), settings.highlightLines);
      const root = shiki.codeToHast(text, {
        lang: language,
        theme: CODE_THEME,
        transformers: [
          {
            code(node) {
              this.addClassToHast(node, requested ? ['remark-code', `language-${requested}`] : 'remark-code');
            },
            line(node, line) {
              this.addClassToHast(node, highlighted.has(line) ? ['remark-code-line', 'remark-code-line-highlighted'] : 'remark-code-line');
            },
          },
        ],
      });
      const [pre] = root.children;
      if (pre?.type === 'element') parent.children[index] = pre;
    }
  };
}

/**
 * remark.js `highlightLines` (R55): a line starting with `*` is highlighted; `* ` becomes two
 * spaces (the column stays), a lone `*` is dropped. Returns 1-based line numbers.
 */
export function markedLines(code: string, enabled: boolean): { text: string; highlighted: Set<number> } {
  const highlighted = new Set<number>();
  if (!enabled) return { text: code, highlighted };
  const lines = code.split('\n').map((line, index) => {
    if (!line.startsWith('*')) return line;
    highlighted.add(index + 1);
    return line.startsWith('* ') ? `  ${line.slice(2)}` : line.slice(1);
  });
  return { text: lines.join('\n'), highlighted };
}
