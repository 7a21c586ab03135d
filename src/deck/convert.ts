/**
 * Converter: a slide's parts → HTML. Each content class is converted as its own document
 * (R43) and stands in the enclosing document as a placeholder until rehype-content-classes
 * puts it back, so classes nest and may span paragraphs.
 */
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { ConvertContext, ConvertedClass } from './context';
import type { Part } from './parts';
import { placeholder } from './plugins/rehype-content-classes';
import { toHast, toHtml } from './processor';

export async function convertParts(parts: readonly Part[], context: ConvertContext): Promise<string> {
  return toHtml(await partsToHast(parts, context));
}

async function partsToHast(parts: readonly Part[], context: ConvertContext): Promise<Root> {
  let markdown = '';
  const contentClasses: ConvertedClass[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      markdown += part;
    } else {
      markdown += placeholder(contentClasses.length);
      const tree = await partsToHast(part.parts, context);
      contentClasses.push({ classes: part.classes, block: part.block, tree });
    }
  }
  const value = `${context.settings.definitions}${markdown.replace(/^\s+/, '')}`;
  return toHast(new VFile({ value, data: { convert: context, contentClasses } }));
}
