/**
 * rehype plugin: records what a slide contains — its headings (the deck's title and chapter
 * come from the title slide's), its formulas and the live demo widgets it embeds.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { DEMOS, demoElementName } from '../../shared/demos';
import { contextOf } from '../context';
import { classesOf, textOf } from './hast';

const DEMO_BY_ELEMENT = new Map<string, string>(DEMOS.map((name) => [demoElementName(name), name]));
const HEADING = /^h([1-6])$/;

export default function rehypeInventory() {
  return (tree: Root, file: { data: object }) => {
    const { stats } = contextOf(file.data);
    visit(tree, 'element', (node) => {
      const heading = HEADING.exec(node.tagName);
      if (heading) stats.headings.push({ depth: Number(heading[1]), text: textOf(node).trim() });
      const demo = DEMO_BY_ELEMENT.get(node.tagName);
      if (demo) stats.demos.push(demo);
      if (node.tagName === 'span' && classesOf(node).includes('katex')) {
        stats.formulas++;
        return 'skip';
      }
      return undefined;
    });
  };
}
