/**
 * Pre-processing of a deck file before lexing: BOM, line ends, characters the pipeline
 * reserves, and remark.js's common-indentation strip (R3, R4). Line count is preserved, so
 * line numbers in errors match the file.
 */

/** Private-use characters that delimit content-class placeholders (see convert.ts). */
export const PLACEHOLDER_OPEN = '\uE000';
export const PLACEHOLDER_CLOSE = '\uE001';

export function normalizeSource(raw: string): string {
  return stripCommonIndent(normalizeText(raw));
}

/** BOM, line ends and reserved characters only: what a Markdown fragment outside a deck needs. */
export function normalizeText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000\uE000\uE001]/g, '\uFFFD');
}

function stripCommonIndent(text: string): string {
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    const match = /^[ \t]*(?=\S)/.exec(line);
    if (match) indent = Math.min(indent, match[0].length);
    if (indent === 0) return text;
  }
  if (indent === Infinity) return text;
  return lines.map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
