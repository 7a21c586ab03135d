/**
 * rehype plugin: local image URLs (Markdown images, the `scale` macro, raw `<img>`) are resolved
 * to the URL the page uses — a hashed asset in the build — and a missing file is an error.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { ContentProblem } from '../diagnostics';
import { contextOf } from '../context';
import { isLocalUrl } from '../assets';

const WITH_SOURCE = new Set(['img', 'source', 'video', 'audio']);

export default function rehypeImages() {
  return (tree: Root, file: { data: object }) => {
    const { settings, stats } = contextOf(file.data);
    visit(tree, 'element', (node) => {
      const src = node.properties.src;
      if (!WITH_SOURCE.has(node.tagName) || typeof src !== 'string' || !isLocalUrl(src)) return;
      try {
        node.properties.src = settings.resolveAsset(src);
      } catch (error) {
        throw new ContentProblem((error as Error).message, src);
      }
      stats.images.push(src);
    });
  };
}
