/**
 * Slide properties (R18–R21): `key: value` lines at the very top of a slide's first text
 * chunk, and `<!-- key: value -->` anywhere in that chunk. Both are removed from the content.
 */
import type { Part } from './parts';

export interface FoundProperty {
  key: string;
  value: string;
  /** 1-based line in the deck file. */
  line: number;
  /** The whole source line, for warnings about prose read as a property (R21). */
  source: string;
}

export interface SlideProperties {
  properties: Record<string, string>;
  content: Part[];
  /** Properties written in the plain `key: value` form, in source order. */
  plain: FoundProperty[];
}

const PLAIN = /\n*([\w-]+):([^\n]*)/y;
/** A property comment is one short line; longer comments are ordinary HTML comments. */
const MAX_COMMENT_LENGTH = 1000;
const COMMENT_BODY = /^\s*([\w-]+):([^\n]*?)\s*$/;

/** `firstLine` is the deck line of the first character of `content[0]`. */
export function extractProperties(content: readonly Part[], firstLine: number): SlideProperties {
  const properties: Record<string, string> = {};
  const plain: FoundProperty[] = [];
  const first = content[0];
  if (typeof first !== 'string') return { properties, content: [...content], plain };

  const lineAt = lineCounter(first, firstLine);
  let position = 0;
  for (;;) {
    PLAIN.lastIndex = position;
    const match = PLAIN.exec(first);
    if (!match) break;
    const keyStart = position + match[0].length - match[1]!.length - match[2]!.length - 1;
    const key = match[1]!;
    const value = match[2]!.trim();
    properties[key] = value;
    plain.push({ key, value, line: lineAt(keyStart), source: `${key}:${match[2]}` });
    position = PLAIN.lastIndex;
  }

  const rest = removeCommentProperties(first.slice(position), properties);
  return { properties, content: [rest, ...content.slice(1)], plain };
}

function removeCommentProperties(text: string, properties: Record<string, string>): string {
  let result = '';
  let copied = 0;
  let closing = -1;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', open + 4)) {
    if (closing < open + 4) closing = text.indexOf('-->', open + 4);
    if (closing === -1) break;
    if (closing - open > MAX_COMMENT_LENGTH) continue;
    const body = COMMENT_BODY.exec(text.slice(open + 4, closing));
    if (!body || open < copied) continue;
    let start = open;
    while (start > copied && text[start - 1] === '\n') start--;
    properties[body[1]!] = body[2]!.trim();
    result += text.slice(copied, start);
    copied = closing + 3;
  }
  return result + text.slice(copied);
}

function lineCounter(text: string, firstLine: number): (offset: number) => number {
  let line = firstLine;
  let counted = 0;
  return (offset) => {
    for (; counted < offset; counted++) if (text[counted] === '\n') line++;
    return line;
  };
}
