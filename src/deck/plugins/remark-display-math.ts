/**
 * remark plugin: `$$…$$` inside a line is display math, as MathJax and KaTeX's auto-render
 * read it in remark.js decks (remark-math reads it as inline math). `$$` on lines of their own
 * is display math already.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

export default function remarkDisplayMath() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node) => {
      const start = node.position?.start.offset;
      if (start === undefined || !source.startsWith('$$', start)) return;
      node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
    });
  };
}
