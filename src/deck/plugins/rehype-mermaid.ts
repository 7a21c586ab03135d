/**
 * rehype plugin: a ```` ```mermaid ```` block becomes a diagram placeholder that the viewer
 * renders when the slide is about to be shown; the source stays readable without JavaScript.
 * Text after the language word is the caption, as the `scale` macro gives a figure one:
 * ```` ```mermaid Abb. 5: Der Weg einer Anfrage ````.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { DIAGRAM_CLASS, DIAGRAM_SOURCE_CLASS } from '../../shared/deck';
import { contextOf } from '../context';
import { codeLanguage, textOf } from './hast';

export default function rehypeMermaid() {
  return (tree: Root, file: { data: object }) => {
    const { stats } = contextOf(file.data);
    visit(tree, 'element', (node, index, parent) => {
      const [code] = node.children;
      if (node.tagName !== 'pre' || code?.type !== 'element' || codeLanguage(code) !== 'mermaid') return;
      if (!parent || index === undefined) return;
      const caption = typeof code.data?.meta === 'string' ? code.data.meta.trim() : '';
      const drawing = diagram(textOf(code).replace(/\n$/, ''));
      parent.children[index] = caption ? figure(drawing, caption) : drawing;
      stats.diagrams++;
    });
  };
}

function diagram(source: string): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: [DIAGRAM_CLASS] },
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: { className: [DIAGRAM_SOURCE_CLASS] },
        children: [{ type: 'text', value: source }],
      },
    ],
  };
}

function figure(drawing: Element, caption: string): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['vs-diagram-figure'] },
    children: [
      drawing,
      { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] },
    ],
  };
}
