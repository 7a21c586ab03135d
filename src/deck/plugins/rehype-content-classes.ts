/**
 * rehype plugin: puts converted content classes (R37–R43) where their placeholders stand.
 * An inline class becomes a `<span>` (a single paragraph inside is unwrapped), a block class a
 * `<div>`; a `<div>` never stays inside a `<p>`: the paragraph is split around it. Empty
 * paragraphs are removed, as remark.js does.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { PLACEHOLDER_CLOSE, PLACEHOLDER_OPEN } from '../source';
import type { ConvertedClass } from '../context';
import { isInterElementWhitespace } from '../html';

const PLACEHOLDER = new RegExp(`${PLACEHOLDER_OPEN}(\\d+)${PLACEHOLDER_CLOSE}`, 'g');

export function placeholder(index: number): string {
  return `${PLACEHOLDER_OPEN}${index}${PLACEHOLDER_CLOSE}`;
}

export default function rehypeContentClasses() {
  return (tree: Root, file: { data: { contentClasses?: ConvertedClass[] } }) => {
    replaceIn(tree, file.data.contentClasses ?? []);
  };
}

type Parent = Root | Element;

function replaceIn(parent: Parent, classes: ConvertedClass[]): void {
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text' && classes.length > 0 && child.value.includes(PLACEHOLDER_OPEN)) {
      children.push(...expand(child.value, classes));
      continue;
    }
    if (child.type === 'element') {
      replaceIn(child, classes);
      if (child.tagName === 'p') {
        children.push(...splitParagraph(child));
        continue;
      }
    }
    children.push(child);
  }
  parent.children = children as ElementContent[];
}

function expand(text: string, classes: ConvertedClass[]): ElementContent[] {
  const result: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const converted = classes[Number(match[1])];
    if (!converted) continue;
    if (match.index > last) result.push({ type: 'text', value: text.slice(last, match.index) });
    result.push(element(converted));
    last = match.index + match[0].length;
  }
  if (last < text.length) result.push({ type: 'text', value: text.slice(last) });
  return result;
}

function element({ classes, block, tree }: ConvertedClass): Element {
  const content = tree.children.filter((node) => !(node.type === 'text' && isInterElementWhitespace(node.value)));
  const [only] = content;
  const unwrap = !block && content.length === 1 && only?.type === 'element' && only.tagName === 'p';
  return {
    type: 'element',
    tagName: block ? 'div' : 'span',
    properties: { className: classes },
    children: (unwrap ? only.children : tree.children) as ElementContent[],
  };
}

/** Splits a paragraph around block-level children; drops what is left empty. */
function splitParagraph(paragraph: Element): ElementContent[] {
  const result: ElementContent[] = [];
  let inline: ElementContent[] = [];
  const flush = (): void => {
    if (inline.some((node) => node.type !== 'text' || !isInterElementWhitespace(node.value))) {
      result.push({ ...paragraph, children: inline });
    } else if (result.length > 0 && inline.length > 0) {
      result.push({ type: 'text', value: '\n' });
    }
    inline = [];
  };
  for (const child of paragraph.children) {
    if (child.type === 'element' && child.tagName === 'div') {
      flush();
      result.push(child);
    } else {
      inline.push(child);
    }
  }
  flush();
  return result;
}
