/**
 * rehype plugin: local files a slide embeds (Markdown images, the `scale` macro, raw `<img>`,
 * `<video>`, `<audio>`, `<source>`, `<track>`, `<embed>` and a video's `poster`) are resolved to
 * the URL the page uses — a hashed asset in the build. A missing file, or one outside the
 * project, is an error.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { ContentProblem } from '../diagnostics';
import { contextOf } from '../context';
import { isLocalUrl } from '../assets';

const EMBEDDING: Record<string, readonly string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
};

export default function rehypeImages() {
  return (tree: Root, file: { data: object }) => {
    const { settings, stats } = contextOf(file.data);
    visit(tree, 'element', (node) => {
      for (const attribute of EMBEDDING[node.tagName] ?? []) {
        const url = node.properties[attribute];
        if (typeof url !== 'string' || !isLocalUrl(url)) continue;
        try {
          node.properties[attribute] = settings.resolveAsset(url);
        } catch (error) {
          throw new ContentProblem((error as Error).message, url);
        }
        stats.images.push(url);
      }
    });
  };
}
