/**
 * The one frozen unified processor every slide, note and content class goes through: remark
 * (CommonMark + GFM + `$…$` math) → our plugins → HTML, math typeset by KaTeX at build time.
 * Per-deck settings travel in `file.data`, so the processor is built once per process (R49:
 * raw HTML passes through). A formula KaTeX cannot read is a warning naming it.
 */
import type { Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import rehypeKatex from 'rehype-katex';
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
import { textOf } from './plugins/hast';
import remarkMath from './plugins/remark-math';
import remarkSafeUrls from './plugins/remark-safe-urls';

export const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkMacros)
  .use(remarkSafeUrls)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRawHtml)
  .use(rehypeKatex, { strict: 'ignore', maxSize: 50 })
  .use(rehypeMermaid)
  .use(rehypeHighlight)
  .use(rehypeImages)
  .use(rehypeInventory)
  .use(rehypeContentClasses)
  .use(rehypeStringify)
  .freeze();

export async function toHast(file: VFile): Promise<Root> {
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  for (const message of file.messages) {
    if (message.source !== 'rehype-katex') continue;
    const formula = message.ancestors?.at(-1);
    const source = formula ? textOf(formula as Nodes) : '';
    const reason =
      message.cause instanceof Error ? message.cause.message.replace(/^KaTeX parse error: /, '') : message.reason;
    file.data.convert?.settings.warn(
      `Formel „${source.slice(0, 60)}“ ist kein gültiges TeX (${reason}); sie wird rot als Text gezeigt`,
      source.split('\n')[0]!.slice(0, 40),
    );
  }
  return tree;
}

export function toHtml(tree: Root): string {
  return processor.stringify(tree);
}
