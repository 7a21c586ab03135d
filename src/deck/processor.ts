/**
 * The one frozen unified processor every slide, note and content class goes through: remark
 * (CommonMark + GFM) → our plugins → HTML. Per-deck settings travel in `file.data`, so the
 * processor is built once per process (R49: raw HTML passes through).
 */
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import remarkMacros from './plugins/remark-macros';
import rehypeContentClasses from './plugins/rehype-content-classes';
import rehypeHighlight from './plugins/rehype-highlight';
import rehypeImages from './plugins/rehype-images';
import rehypeInventory from './plugins/rehype-inventory';
import rehypeMermaid from './plugins/rehype-mermaid';
import rehypeRawHtml from './plugins/rehype-raw-html';

export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMacros)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawHtml)
  .use(rehypeMermaid)
  .use(rehypeHighlight)
  .use(rehypeImages)
  .use(rehypeInventory)
  .use(rehypeContentClasses)
  .use(rehypeStringify)
  .freeze();

export async function toHast(file: VFile): Promise<Root> {
  return (await processor.run(processor.parse(file), file)) as Root;
}

export function toHtml(tree: Root): string {
  return processor.stringify(tree);
}
