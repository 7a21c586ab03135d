/** A line of a bank file with its 1-based line number in that file. */
export interface Line {
  text: string;
  number: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits a file into lines (BOM and CR removed), each with its number. */
export function toLines(source: string): Line[] {
  return source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text, number: i + 1 }));
}

/**
 * Marks which lines lie inside fenced code (fence lines included), so that separators and
 * section headings written as code examples stay code.
 */
export function codeMask(lines: readonly Line[]): boolean[] {
  const mask: boolean[] = [];
  let open: string | null = null;
  for (const line of lines) {
    const fence = FENCE.exec(line.text)?.[1];
    if (open === null) {
      if (fence) open = fence;
      mask.push(open !== null);
    } else {
      mask.push(true);
      if (fence && fence[0] === open[0] && fence.length >= open.length && line.text.trim() === fence) {
        open = null;
      }
    }
  }
  return mask;
}

/** Splits lines into blocks at `---` lines outside code, as remark.js splits slides. */
export function splitBlocks(lines: readonly Line[]): Line[][] {
  const mask = codeMask(lines);
  const blocks: Line[][] = [[]];
  lines.forEach((line, i) => {
    if (!mask[i] && line.text === '---') blocks.push([]);
    else blocks.at(-1)?.push(line);
  });
  return blocks;
}

/** Joins lines back into Markdown, without leading and trailing blank lines. */
export function joinLines(lines: readonly Line[]): string {
  return lines
    .map((line) => line.text)
    .join('\n')
    .replace(/^(\s*\n)+/, '')
    .trimEnd();
}
