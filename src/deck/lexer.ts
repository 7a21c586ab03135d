/**
 * Lexer: normalized deck text → raw slides. Finds slide separators (`---`, `--`,
 * `<!-- break -->`), the notes separator `???`, content classes `.x[…]` and link reference
 * definitions — never inside fenced code, indented code or inline code (R7–R15, R37–R41, R51).
 *
 * A content class reaches to the `]` that balances its `[`, counted over the raw text as
 * remark.js counts: code inside the class does not hide a bracket, so ```` ```] ```` closes a
 * class, and a line starting with ```` ``` ```` in raw HTML inside a class cannot run past it.
 * The inside is then lexed as a document of its own (R43).
 */
import { isUnsafeUrl } from './assets';
import { codeSpanEnds } from './code-spans';
import { SourceProblem } from './diagnostics';
import { type Part, pushText } from './parts';
import { tolerantTags } from './tolerant-html';

export interface RawSlide {
  /** 1-based line of the slide's first own line. */
  line: number;
  /** 1-based line of the slide's last line. */
  endLine: number;
  continued: boolean;
  content: Part[];
  /** Undefined when the slide has no `???`. */
  notes: Part[] | undefined;
}

/** Something that compiles, but not as remark.js would show it; `line` is the deck line. */
export interface LexWarning {
  message: string;
  line: number;
  /** The text on that line that, replaced, gives what remark.js shows (for the import). */
  rewrite?: { from: string; to: string };
}

export interface LexedDeck {
  slides: RawSlide[];
  /** Link reference definitions, one per entry, shared by all slides (R51). */
  definitions: string[];
  warnings: LexWarning[];
}

/** Deeper nesting is almost certainly a mistake and would make rendering needlessly deep. */
export const MAX_CLASS_NESTING = 32;

const BREAK = /^<!--\s*break\s*-->$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const INDENTED = /^(?: {4}|\t)/;
const DEFINITION = /^ {0,3}\[(?!\^)([^\]]+)\]:[ \t]*(\S+)(?:[ \t]+("[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const CLASS_NAME = /\.([A-Za-z_-][\w-]*)/y;
/** `#Titel`: a heading for remark.js (marked 0.3), a paragraph in CommonMark. */
const UNSPACED_HEADING = /^ {0,3}(#{1,6})([^\s#].*)$/;

type Separator = 'slide' | 'step' | 'notes';

/** Where a document's text goes; the deck's top level switches it at separators. */
interface Output {
  parts(): Part[];
  separator?: (kind: Separator, line: number) => void;
  slideNumber(): number;
}

interface Shared {
  definitions: string[];
  warnings: LexWarning[];
}

/**
 * `fragment`: the text is one piece of Markdown, not a deck — `---`, `--`, `???` and
 * `<!-- break -->` are plain Markdown there.
 */
export function lex(text: string, { fragment = false } = {}): LexedDeck {
  const slides: RawSlide[] = [];
  const shared: Shared = { definitions: [], warnings: [] };
  let slide = newSlide(1, false);
  let target = slide.content;
  const output: Output = {
    parts: () => target,
    slideNumber: () => slides.length + 1,
    ...(fragment
      ? {}
      : {
          separator: (kind: Separator, line: number) => {
            if (kind === 'notes') {
              slide.notes = [];
              target = slide.notes;
              return;
            }
            slide.endLine = line - 1;
            slides.push(slide);
            slide = newSlide(line + 1, kind === 'step');
            target = slide.content;
            // R10: a step keeps the newline after `--`.
            if (kind === 'step') pushText(target, '\n');
          },
        }),
  };
  lexDocument(text, 1, 0, false, output, shared);
  const lines = text.split('\n').length;
  slide.endLine = lines;
  slides.push(slide);
  return { slides, ...shared };
}

function newSlide(line: number, continued: boolean): RawSlide {
  return { line, endLine: line, continued, content: [], notes: undefined };
}

/**
 * Lexes one document — the deck, or the inside of a content class — into `output`.
 * `firstLine` is the deck line of its first line; `inline` marks a one-line class's inside.
 */
function lexDocument(
  doc: string,
  firstLine: number,
  depth: number,
  inline: boolean,
  output: Output,
  shared: Shared,
): void {
  const lines = doc.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const closers = fenceClosers(lines);
  let text = '';
  let segmentStart = true;
  let fenceUntil = -1;
  let previousBlank = true;
  let inIndentedCode = false;

  const flush = (): void => {
    pushText(output.parts(), text);
    text = '';
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = firstLine + i;

    if (output.separator && fenceUntil < i) {
      const separator = separatorOf(line);
      if (separator) {
        flush();
        output.separator(separator, lineNumber);
        segmentStart = true;
        previousBlank = true;
        inIndentedCode = false;
        continue;
      }
    }

    if (!segmentStart) text += '\n';
    segmentStart = false;

    if (fenceUntil >= i) {
      text += line;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
      const end = closers.find(fence[1]!, i);
      if (end !== undefined) {
        fenceUntil = end;
        text += line;
        continue;
      }
    }
    const blank = line.trim() === '';
    inIndentedCode = !blank && INDENTED.test(line) && (previousBlank || inIndentedCode);
    previousBlank = blank;
    if (inIndentedCode) {
      text += line;
      continue;
    }
    const definition = DEFINITION.exec(line);
    if (definition) {
      if (isUnsafeUrl(definition[2]!.replace(/^</, ''))) {
        shared.warnings.push({
          line: lineNumber,
          message: `Linkziel „[${definition[1]}]“ mit der Adresse „${definition[2]!.slice(0, 40)}“ entfernt: solche Adressen führen Skripte aus`,
        });
      } else {
        shared.definitions.push(line.trim());
      }
      continue;
    }
    const heading = inline ? null : UNSPACED_HEADING.exec(line);
    if (heading) {
      const [, marks, title] = heading as unknown as [string, string, string];
      shared.warnings.push({
        line: lineNumber,
        rewrite: { from: `${marks}${title}`, to: `${marks} ${title}` },
        message: `„${marks}${title.slice(0, 40)}“ ist ohne Leerzeichen keine Überschrift (in remark.js schon): „${marks} ${title.slice(0, 40)}“ schreiben, oder „\\${marks}${title.slice(0, 40)}“ für Text`,
      });
    }
    i = scanLine(i, 0);
  }
  flush();

  /**
   * Scans line `i` from column `from` for content classes. A class may close on a later line;
   * the rest of that line is scanned too. Returns the index of the last line consumed.
   */
  function scanLine(i: number, from: number): number {
    let line = lines[i]!;
    let spans = line.includes('`') ? codeSpanEnds(line) : undefined;
    let at = from;
    while (at < line.length) {
      const ch = line[at];
      if (ch === '\\') {
        at += 2;
      } else if (ch === '`') {
        const end = spans?.get(at);
        if (end !== undefined) at = end;
        else while (line[at] === '`') at++;
      } else if (ch === '.') {
        const opened = classAt(line, at);
        if (!opened.classes) {
          at = opened.end;
          continue;
        }
        text += tolerantTags(line.slice(from, at));
        const next = openClass(opened.classes, i, opened.end);
        if (next.line !== i) {
          i = next.line;
          line = lines[i]!;
          spans = line.includes('`') ? codeSpanEnds(line) : undefined;
        }
        from = at = next.column;
      } else {
        at++;
      }
    }
    text += tolerantTags(line.slice(from));
    return i;
  }

  /**
   * The class opened on line `i` with its inside from column `column` on: lexes the inside and
   * returns where the text after its `]` goes on.
   */
  function openClass(classes: string[], i: number, column: number): { line: number; column: number } {
    const lineNumber = firstLine + i;
    if (depth >= MAX_CLASS_NESTING) {
      throw new SourceProblem(
        `Inhaltsklassen sind tiefer als ${MAX_CLASS_NESTING} Ebenen verschachtelt`,
        lineNumber,
        output.slideNumber(),
      );
    }
    const open = starts[i]! + column;
    const close = closingBracket(doc, open);
    if (close === undefined) {
      throw new SourceProblem(
        `„.${classes.join('.')}[“ wird nicht mit „]“ geschlossen`,
        lineNumber,
        output.slideNumber(),
      );
    }
    const inside = doc.slice(open, close);
    const block = inside.includes('\n');
    const parts: Part[] = [];
    const own: Output = { parts: () => parts, slideNumber: output.slideNumber };
    lexDocument(inside, lineNumber, depth + 1, !block, own, shared);
    flush();
    output.parts().push({ classes, block, parts, line: lineNumber });

    let end = i;
    while (end + 1 < lines.length && starts[end + 1]! <= close) end++;
    if (end > i) previousBlank = false;
    return { line: end, column: close - starts[end]! + 1 };
  }
}

function separatorOf(line: string): Separator | undefined {
  if (line === '---' || BREAK.test(line)) return 'slide';
  if (line === '--') return 'step';
  if (line === '???') return 'notes';
  return undefined;
}

/** The index of the `]` that balances an already open `[`, counting every bracket from `from` on. */
function closingBracket(text: string, from: number): number | undefined {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 91) depth++;
    else if (ch === 93 && --depth === 0) return i;
  }
  return undefined;
}

/**
 * Tries to read `.a.b[` at `at`. Returns the class names when it opens a class, and always the
 * position to continue scanning from (so a long chain of `.name` is read only once).
 */
function classAt(line: string, at: number): { classes?: string[]; end: number } {
  const classes: string[] = [];
  let i = at;
  for (;;) {
    CLASS_NAME.lastIndex = i;
    const match = CLASS_NAME.exec(line);
    if (!match) return { end: i === at ? at + 1 : i };
    classes.push(match[1]!);
    i = CLASS_NAME.lastIndex;
    if (line[i] === '[') return { classes, end: i + 1 };
    if (line[i] !== '.') return { end: i };
  }
}

/** For each fence opener, the line of its closing fence; an unclosed fence is no fence. */
function fenceClosers(lines: string[]): { find(opener: string, from: number): number | undefined } {
  const candidates: { line: number; char: string; length: number }[] = [];
  lines.forEach((line, index) => {
    const match = FENCE_CLOSE.exec(line);
    if (match) candidates.push({ line: index, char: match[1]![0]!, length: match[1]!.length });
  });
  return {
    find(opener, from) {
      let low = 0;
      let high = candidates.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (candidates[mid]!.line <= from) low = mid + 1;
        else high = mid;
      }
      for (let k = low; k < candidates.length; k++) {
        const candidate = candidates[k]!;
        if (candidate.char === opener[0] && candidate.length >= opener.length) return candidate.line;
      }
      return undefined;
    },
  };
}
