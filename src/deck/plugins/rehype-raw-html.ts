/**
 * rehype plugin: parses raw HTML (`<br>`, `<div>`, macro output) into the tree with rehype-raw,
 * but only when a document has some — most slides have none, and re-parsing costs time.
 */
import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

type Transform = (tree: Root, file: VFile) => Root;

export default function rehypeRawHtml() {
  const parse = (rehypeRaw as () => Transform)();
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? parse(tree, file) : tree);
}

function hasRaw(node: Root | Root['children'][number]): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}
