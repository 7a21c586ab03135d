/**
 * Converter: a slide's parts → HTML. Each content class is converted as its own document
 * (R43) and stands in the enclosing document as a placeholder until rehype-content-classes
 * puts it back, so classes nest and may span paragraphs.
 */
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { ConvertContext, ConvertedClass } from './context';
import { checkNesting } from './nesting';
import type { Part } from './parts';
import { placeholder } from './plugins/rehype-content-classes';
import { toHast, toHtml } from './processor';

export async function convertParts(parts: readonly Part[], context: ConvertContext): Promise<string> {
  if (parts.every((part) => typeof part === 'string' && part.trim() === '')) return '';
  return toHtml(await partsToHast(parts, context));
}

async function partsToHast(parts: readonly Part[], context: ConvertContext, inline = false): Promise<Root> {
  let markdown = '';
  const contentClasses: ConvertedClass[] = [];
  for (const [index, part] of parts.entries()) {
    if (typeof part === 'string') {
      markdown += index === 0 && inline ? inlineText(part) : part;
    } else {
      markdown += placeholder(contentClasses.length);
      const tree = await partsToHast(part.parts, context, !part.block);
      contentClasses.push({ classes: part.classes, block: part.block, tree });
    }
  }
  checkNesting(markdown);
  const value = `${context.settings.definitions}${markdown.replace(/^\s+/, '')}`;
  return toHast(new VFile({ value, data: { convert: context, contentClasses } }));
}

const BLOCK_START = [
  /^(\s*)(>|#{1,6}(?=\s|$)|[*+-](?=\s|$))/,
  /^(\s*)(\d{1,9})(?=[.)](?:\s|$))/,
  /^(\s*)([-*_])(?=(?:\s*\2){2,}\s*$)/,
  /^(\s*)(`{3,}(?!.*`)|~{3,})/,
];

/**
 * An inline class (`.red[*]`, `.x[# 1]`) holds text, not blocks: a line start that Markdown
 * would read as a list, heading, quote, rule or fence is escaped.
 */
function inlineText(text: string): string {
  for (const pattern of BLOCK_START) {
    const match = pattern.exec(text);
    if (match) {
      const [, indent = '', marker = ''] = match;
      return /^\d/.test(marker)
        ? `${indent}${marker}\\${text.slice(indent.length + marker.length)}`
        : `${indent}\\${text.slice(indent.length)}`;
    }
  }
  return text;
}
