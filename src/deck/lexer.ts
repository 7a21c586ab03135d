/**
 * Lexer: normalized deck text → raw slides. Finds slide separators (`---`, `--`,
 * `<!-- break -->`), the notes separator `???`, content classes `.x[…]` and link reference
 * definitions — never inside fenced code, indented code or inline code (R7–R15, R37–R41, R51).
 */
import { codeSpanEnds } from './code-spans';
import { SourceProblem } from './diagnostics';
import { type Part, pushText } from './parts';

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

export interface LexedDeck {
  slides: RawSlide[];
  /** Link reference definitions, one per entry, shared by all slides (R51). */
  definitions: string[];
}

/** Deeper nesting is almost certainly a mistake and would make rendering needlessly deep. */
export const MAX_CLASS_NESTING = 32;

const BREAK = /^<!--\s*break\s*-->$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const INDENTED = /^(?: {4}|\t)/;
const DEFINITION = /^ {0,3}\[(?!\^)([^\]]+)\]:[ \t]*(\S+)(?:[ \t]+("[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const CLASS_NAME = /\.([A-Za-z_-][\w-]*)/y;

interface Container {
  parts: Part[];
  text: string;
}

interface OpenClass extends Container {
  classes: string[];
  line: number;
  slide: number;
  /** Unmatched `[` since the class opened. */
  depth: number;
  block: boolean;
}

/**
 * `fragment`: the text is one piece of Markdown, not a deck — `---`, `--`, `???` and
 * `<!-- break -->` are plain Markdown there.
 */
export function lex(text: string, { fragment = false } = {}): LexedDeck {
  const lines = text.split('\n');
  const closers = fenceClosers(lines);
  const slides: RawSlide[] = [];
  const definitions: string[] = [];
  const stack: OpenClass[] = [];

  let slide = newSlide(1, false);
  let target: Container = { parts: slide.content, text: '' };
  let segmentStart = true;
  let fenceUntil = -1;
  let previousBlank = true;
  let inIndentedCode = false;

  const sink = (): Container => stack[stack.length - 1] ?? target;
  const flush = (container: Container): void => {
    pushText(container.parts, container.text);
    container.text = '';
  };
  const finishSlide = (endLine: number): void => {
    flush(target);
    slide.endLine = endLine;
    slides.push(slide);
  };
  const startSegment = (container: Container): void => {
    target = container;
    segmentStart = true;
    previousBlank = true;
    inIndentedCode = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = i + 1;

    if (!fragment && stack.length === 0 && fenceUntil < i) {
      const separator = separatorOf(line);
      if (separator === 'slide' || separator === 'step') {
        finishSlide(lineNumber - 1);
        slide = newSlide(lineNumber + 1, separator === 'step');
        startSegment({ parts: slide.content, text: separator === 'step' ? '\n' : '' });
        continue;
      }
      if (separator === 'notes') {
        flush(target);
        slide.notes = [];
        startSegment({ parts: slide.notes, text: '' });
        continue;
      }
    }

    const container = sink();
    if (!segmentStart) {
      container.text += '\n';
      if (stack.length > 0) stack[stack.length - 1]!.block = true;
    }
    segmentStart = false;

    if (fenceUntil >= i) {
      container.text += line;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[1]!.startsWith('`') && fence[2]!.includes('`'))) {
      const end = closers.find(fence[1]!, i);
      if (end !== undefined) {
        fenceUntil = end;
        container.text += line;
        continue;
      }
    }
    const blank = line.trim() === '';
    inIndentedCode = !blank && INDENTED.test(line) && (previousBlank || inIndentedCode);
    previousBlank = blank;
    if (inIndentedCode) {
      container.text += line;
      continue;
    }
    const definition = DEFINITION.exec(line);
    if (definition) {
      definitions.push(line.trim());
      continue;
    }
    scanLine(line, lineNumber, slides.length + 1);
  }
  finishSlide(lines.length);

  const unclosed = stack[0];
  if (unclosed) {
    throw new SourceProblem(
      `„.${unclosed.classes.join('.')}[“ wird nicht mit „]“ geschlossen`,
      unclosed.line,
      unclosed.slide,
    );
  }
  return { slides, definitions };

  function scanLine(line: string, lineNumber: number, slideNumber: number): void {
    const spans = line.includes('`') ? codeSpanEnds(line) : undefined;
    let start = 0;
    let i = 0;
    while (i < line.length) {
      const ch = line[i];
      if (ch === '\\') {
        i += 2;
      } else if (ch === '`') {
        const end = spans?.get(i);
        if (end !== undefined) i = end;
        else while (line[i] === '`') i++;
      } else if (ch === '.') {
        const opened = classAt(line, i);
        if (opened.classes) {
          sink().text += line.slice(start, i);
          openClass(opened.classes, lineNumber, slideNumber);
          start = opened.end;
        }
        i = opened.end;
      } else if (ch === '[' && stack.length > 0) {
        stack[stack.length - 1]!.depth++;
        i++;
      } else if (ch === ']' && stack.length > 0) {
        const top = stack[stack.length - 1]!;
        if (top.depth > 0) {
          top.depth--;
        } else {
          top.text += line.slice(start, i);
          closeClass();
          start = i + 1;
        }
        i++;
      } else {
        i++;
      }
    }
    sink().text += line.slice(start);
  }

  function openClass(classes: string[], line: number, slideNumber: number): void {
    flush(sink());
    if (stack.length >= MAX_CLASS_NESTING) {
      throw new SourceProblem(
        `Inhaltsklassen sind tiefer als ${MAX_CLASS_NESTING} Ebenen verschachtelt`,
        line,
        slideNumber,
      );
    }
    stack.push({ classes, line, slide: slideNumber, parts: [], text: '', depth: 0, block: false });
  }

  function closeClass(): void {
    const closed = stack.pop()!;
    flush(closed);
    const parent = sink();
    flush(parent);
    parent.parts.push({ classes: closed.classes, block: closed.block, parts: closed.parts, line: closed.line });
    if (closed.block && stack.length > 0) stack[stack.length - 1]!.block = true;
  }
}

type Separator = 'slide' | 'step' | 'notes' | undefined;

function separatorOf(line: string): Separator {
  if (line === '---' || BREAK.test(line)) return 'slide';
  if (line === '--') return 'step';
  if (line === '???') return 'notes';
  return undefined;
}

function newSlide(line: number, continued: boolean): RawSlide {
  return { line, endLine: line, continued, content: [], notes: undefined };
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
