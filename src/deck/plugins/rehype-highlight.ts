/**
 * rehype plugin: code highlighting at build time with shiki (R53–R58) in the deck's code theme
 * (code-themes.ts), with remark.js's class
 * names: `remark-code` on a block's `<code>`, `remark-code-line` on every line,
 * `remark-code-line-highlighted` on lines starting with `*` when the deck sets
 * `highlightLines`, `remark-code-span-highlighted` on `` `spans` `` with `highlightSpans`
 * (the marks are removed before highlighting), `remark-inline-code` on inline code.
 */
import type { Element, Root } from 'hast';
import { bundledLanguages, createHighlighter, type BundledLanguage, type BundledTheme, type Highlighter } from 'shiki';
import { visit } from 'unist-util-visit';
import { DARK_CODE_THEME, DEFAULT_CODE_THEME } from '../code-themes';
import { contextOf } from '../context';
import { markedLines, markedSpans } from './code-marks';
import { addClass, codeLanguage, textOf } from './hast';

/**
 * Longer lines stay plain. Within that, no time limit: a build must not highlight differently
 * because the machine was busy (shiki's default gives up on a line after 500 ms).
 */
const MAX_HIGHLIGHTED_LINE = 5000;
const PLAIN = 'text';

let highlighter: Promise<Highlighter> | undefined;
const loading = new Map<string, Promise<void>>();

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: [], langs: [] });
  return highlighter;
}

/** Loads a language or theme once per process. */
async function loadOnce(key: string, load: () => Promise<void>): Promise<void> {
  let loaded = loading.get(key);
  if (!loaded) {
    loaded = load();
    loading.set(key, loaded);
  }
  await loaded;
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
    const theme = settings.codeTheme as BundledTheme;
    await loadOnce(`theme:${theme}`, () => shiki.loadTheme(theme));
    // The default follows the page's design through CSS light-dark(); a chosen style stays as it is.
    const colours =
      theme === DEFAULT_CODE_THEME
        ? { themes: { light: theme, dark: DARK_CODE_THEME }, defaultColor: 'light-dark()' as const }
        : { theme };
    if (theme === DEFAULT_CODE_THEME)
      await loadOnce(`theme:${DARK_CODE_THEME}`, () => shiki.loadTheme(DARK_CODE_THEME));
    for (const { code, index, parent } of blocks) {
      const requested = codeLanguage(code) ?? (settings.highlightLanguage || undefined);
      let language = PLAIN;
      if (requested && Object.hasOwn(bundledLanguages, requested)) {
        await loadOnce(`language:${requested}`, () => shiki.loadLanguage(requested as BundledLanguage));
        language = requested;
      } else if (requested) {
        settings.warn(
          `Unbekannte Sprache „${requested}“ im Code-Block – er bleibt ohne Hervorhebung`,
          `\`\`\`${requested}`,
        );
      }
      const source = textOf(code).replace(/\n$/, '');
      const { text: unstarred, lines: highlighted } = settings.highlightLines
        ? markedLines(source)
        : { text: source, lines: new Set<number>() };
      const { text, spans } = settings.highlightSpans ? markedSpans(unstarred) : { text: unstarred, spans: [] };
      const root = shiki.codeToHast(text, {
        lang: language,
        ...colours,
        tokenizeTimeLimit: 0,
        tokenizeMaxLineLength: MAX_HIGHLIGHTED_LINE,
        decorations: spans.map(({ start, end }) => ({
          start,
          end,
          properties: { class: 'remark-code-span-highlighted' },
          alwaysWrap: true,
        })),
        transformers: [
          {
            code(node) {
              this.addClassToHast(node, requested ? ['remark-code', `language-${requested}`] : 'remark-code');
            },
            line(node, line) {
              this.addClassToHast(
                node,
                highlighted.has(line) ? ['remark-code-line', 'remark-code-line-highlighted'] : 'remark-code-line',
              );
            },
          },
        ],
      });
      const [pre] = root.children;
      if (pre?.type !== 'element') continue;
      // light-dark() carries both designs; shiki's --shiki-light/--shiki-dark copies would only add weight.
      visit(pre, 'element', (node) => {
        if (typeof node.properties.style === 'string') {
          node.properties.style = node.properties.style.replace(/;?--shiki-[\w-]+:[^;]*/g, '');
        }
      });
      // The theme's colours on the <code> too, as highlight.js has them: a deck's plain `code { … }` rule is for inline code.
      const [block] = pre.children;
      if (block?.type === 'element') block.properties.style = pre.properties.style;
      parent.children[index] = pre;
    }
  };
}
