/**
 * A slide's source after lexing: Markdown text interleaved with content classes `.x[…]`,
 * whose inner parts are converted as their own Markdown document (R43).
 */
export interface ContentClass {
  classes: string[];
  /** A newline inside the brackets makes a `<div>`, otherwise a `<span>` (R38). */
  block: boolean;
  parts: Part[];
  /** 1-based line of the `.x[` in the deck file. */
  line: number;
}

export type Part = string | ContentClass;

/** Appends text, merging with a trailing string part. */
export function pushText(parts: Part[], text: string): void {
  if (text === '') return;
  const last = parts.length - 1;
  if (typeof parts[last] === 'string') parts[last] += text;
  else parts.push(text);
}

/** Copies parts, replacing every text (also inside content classes) by `replace(text)`. */
export function mapText(parts: readonly Part[], replace: (text: string) => Part[]): Part[] {
  const result: Part[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      for (const piece of replace(part)) {
        if (typeof piece === 'string') pushText(result, piece);
        else result.push(piece);
      }
    } else {
      result.push({ ...part, parts: mapText(part.parts, replace) });
    }
  }
  return result;
}

export function concatParts(...lists: (readonly Part[])[]): Part[] {
  const result: Part[] = [];
  for (const list of lists) {
    for (const part of list) {
      if (typeof part === 'string') pushText(result, part);
      else result.push(part);
    }
  }
  return result;
}
