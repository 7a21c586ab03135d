/**
 * remark plugin: `$…$` and `$$…$$` formulas (micromark-extension-math, mdast-util-math), read
 * as MathJax and KaTeX's auto-render read them in remark.js decks. `$$` opens a block of its
 * own only when it stands alone on its line, does not continue a paragraph, and the `$$` that
 * ends it stands alone too; otherwise
 * (`$$f(x) = \begin{cases}…`, `… \end{aligned}$$`, `… $$x$$ …`) it is display math inside its
 * paragraph and may span its lines (marked as display math for rehype-katex). Inside formulas TeX's escapes hold; a backslash that only makes
 * sense as a Markdown escape for remark.js (`\_`, `\\{`) is a warning.
 */
import type { Root } from 'mdast';
import { mathFromMarkdown } from 'mdast-util-math';
import { math } from 'micromark-extension-math';
import type { Code, Construct, Extension, State, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { contextOf } from '../context';

const DOLLAR = 36;
/** Backslashes that only make sense as Markdown escapes written for remark.js (marked) in front of MathJax. */
const MARKDOWN_ESCAPE = /\\_|\\\*|\\\\[{}]|\\\\\\\\/;

const isLineEnding = (code: Code): boolean => code === -5 || code === -4 || code === -3;
const isSpace = (code: Code): boolean => code === -2 || code === -1 || code === 32;

/**
 * `$$` (or more) alone on its line, and the next line with `$$` has it alone too. Otherwise the
 * `$$` starts display math inside a paragraph, as in `$$\begin{aligned}` … `\end{aligned}$$`.
 */
const tokenizeFormulaBlock: Tokenizer = (effects, ok, nok) => {
  let run = 0;
  let blank = true;
  const done = (result: State) => (code: Code) => {
    effects.exit('mathFlowFence');
    return result(code);
  };
  const open: State = (code) => {
    if (code === DOLLAR) {
      effects.consume(code);
      run++;
      return open;
    }
    return run >= 2 ? afterOpen(code) : done(nok)(code);
  };
  const afterOpen: State = (code) => {
    if (isSpace(code)) {
      effects.consume(code);
      return afterOpen;
    }
    if (!isLineEnding(code)) return done(nok)(code);
    effects.consume(code);
    return lineStart;
  };
  const lineStart: State = (code) => {
    blank = true;
    return inLine(code);
  };
  const inLine: State = (code) => {
    if (code === null) return done(nok)(code);
    if (isLineEnding(code)) {
      effects.consume(code);
      return lineStart;
    }
    if (code === DOLLAR) {
      run = 0;
      return closing(code);
    }
    if (!isSpace(code)) blank = false;
    effects.consume(code);
    return inLine;
  };
  const closing: State = (code) => {
    if (code === DOLLAR) {
      effects.consume(code);
      run++;
      return closing;
    }
    if (run < 2) {
      blank = false;
      return inLine(code);
    }
    return blank ? afterClose(code) : done(nok)(code);
  };
  const afterClose: State = (code) => {
    if (isSpace(code)) {
      effects.consume(code);
      return afterClose;
    }
    return code === null || isLineEnding(code) ? done(ok)(code) : done(nok)(code);
  };
  return (code) => {
    effects.enter('mathFlowFence');
    return open(code);
  };
};

/** The math syntax as decks read it (for the import, which finds formulas the same way). */
export function mathSyntax(): Extension {
  const syntax = math();
  const flow = syntax.flow![DOLLAR] as Construct;
  const block: Construct = { tokenize: tokenizeFormulaBlock, partial: true };
  const strictFlow: Construct = {
    ...flow,
    tokenize(effects, ok, nok) {
      // A block never interrupts a paragraph: there, `$$` lines are display math in the paragraph.
      if (this.interrupt) return nok;
      const open = flow.tokenize.call(this, effects, ok, nok);
      return (code) => effects.check(block, open, nok)(code);
    },
  };
  return { flow: { [DOLLAR]: strictFlow }, text: syntax.text! };
}

export default function remarkMath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(mathSyntax());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const { settings } = contextOf(file.data);
    visit(tree, ['math', 'inlineMath'], (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const escaped = MARKDOWN_ESCAPE.exec(node.value);
      if (escaped) {
        settings.warn(
          `In Formeln gilt TeX: „${escaped[0]}“ bleibt so stehen (in remark.js entfernte Markdown den Backslash, bevor MathJax die Formel sah); für remark.js geschriebene Formeln schreibt „npm run deck -- import“ um`,
          node.value.split('\n')[0]!.slice(0, 40),
        );
      }
      const start = node.position?.start.offset;
      if (node.type === 'inlineMath' && start !== undefined && source.startsWith('$$', start)) {
        node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
      }
    });
  };
}
