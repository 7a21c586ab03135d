/**
 * Raw HTML as a browser reads it. A start tag of a known HTML element that CommonMark does not
 * accept as HTML — a stray `,` between attributes, an unquoted value with `=` — would become
 * visible text. remark.js passes such tags to the browser, which tolerates them; so we rewrite
 * the tag into the one the browser builds from it (attributes with impossible names dropped).
 */
import { htmlTagNames } from 'html-tag-names';
import { parseFragment } from 'parse5';
import { codeSpanEnds } from './code-spans';

const ELEMENTS = new Set(htmlTagNames);
/** CommonMark's open tag (spec 6.6), on one line. */
const OPEN_TAG =
  /^<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>$/;
const ATTRIBUTE_NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*$/;
/** Longer "tags" are left alone, which keeps a line of stray `<` linear. */
const MAX_TAG = 500;

export function tolerantTags(text: string): string {
  if (!text.includes('<')) return text;
  const spans = text.includes('`') ? [...codeSpanEnds(text)] : [];
  let span = 0;
  let result = '';
  let copied = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    while (span < spans.length && spans[span]![1] <= at) span++;
    const inCode = spans[span];
    if (inCode && inCode[0] <= at) {
      at = inCode[1] - 1;
      continue;
    }
    const end = tagEnd(text, at);
    if (end === undefined) continue;
    const tag = text.slice(at, end);
    if (OPEN_TAG.test(tag)) continue;
    const rebuilt = rebuild(tag);
    if (rebuilt === undefined) continue;
    result += text.slice(copied, at) + rebuilt;
    copied = end;
    at = end - 1;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/** Index after the `>` of a tag starting at `at` with a known element name, quotes respected. */
function tagEnd(text: string, at: number): number | undefined {
  const name = /^<([A-Za-z][A-Za-z0-9-]*)[\s,;/>]/.exec(text.slice(at, at + 40));
  if (!name || !ELEMENTS.has(name[1]!.toLowerCase())) return undefined;
  let quote: string | undefined;
  const limit = Math.min(text.length, at + MAX_TAG);
  for (let i = at + name[0].length - 1; i < limit; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '<') {
      return undefined;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return undefined;
}

function rebuild(tag: string): string | undefined {
  const [element] = parseFragment(tag).childNodes;
  if (!element || !('tagName' in element)) return undefined;
  const attributes = element.attrs
    .filter((attribute) => ATTRIBUTE_NAME.test(attribute.name))
    .map((attribute) => ` ${attribute.name}="${attribute.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  return `<${element.tagName}${attributes.join('')}${tag.endsWith('/>') ? ' /' : ''}>`;
}
