/**
 * Problems found while compiling a deck. Errors fail the build; warnings point at remark.js's
 * silent traps while the deck still builds. Each names the deck file, slide and source line.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Deck file as given to the compiler (e.g. `slides/kapitel-2.md`). */
  file: string;
  /** 1-based position of the slide in the file (every `---`/`--` section counts). */
  slide?: number;
  /** 1-based source line. */
  line?: number;
  message: string;
}

/** A problem found by one stage, before the compiler adds the file name. */
export class SourceProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly slide?: number,
  ) {
    super(message);
    this.name = 'SourceProblem';
  }
}

/**
 * A problem inside a slide's Markdown found while converting it; `snippet` is source text that
 * locates it (e.g. `![:foo`), since the converted text no longer maps 1:1 to deck lines.
 */
export class ContentProblem extends Error {
  constructor(
    message: string,
    readonly snippet: string,
  ) {
    super(message);
    this.name = 'ContentProblem';
  }
}

export class DeckError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'DeckError';
  }
}

/** `file:line: Folie N: message`, the form editors and terminals link to the source. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.line === undefined ? diagnostic.file : `${diagnostic.file}:${diagnostic.line}`;
  const slide = diagnostic.slide === undefined ? '' : ` Folie ${diagnostic.slide}:`;
  const label = diagnostic.severity === 'warning' ? ' Warnung:' : '';
  return `${where}:${label}${slide} ${diagnostic.message}`;
}

/** Collects problems once each, with the deck line and the slide section it falls into. */
export class Diagnostics {
  readonly all: Diagnostic[] = [];
  /** The first line of each slide section, in order. */
  sections: readonly { line: number }[] = [];
  private readonly seen = new Set<string>();
  private readonly lines: string[];

  constructor(
    private readonly file: string,
    text: string,
  ) {
    this.lines = text.split('\n');
  }

  get hasErrors(): boolean {
    return this.all.some((diagnostic) => diagnostic.severity === 'error');
  }

  add(severity: Diagnostic['severity'], message: string, line: number | undefined, section?: number): void {
    const key = `${severity}:${line}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const slide = section ?? (line === undefined ? undefined : this.sectionOf(line));
    this.all.push({
      severity,
      file: this.file,
      ...(slide !== undefined ? { slide } : {}),
      ...(line !== undefined ? { line } : {}),
      message,
    });
  }

  /** The first line of the slide's own or inherited source that contains `snippet`. */
  locate(snippet: string, slide: { sources: readonly { line: number; endLine: number }[]; line: number }): number {
    for (const { line, endLine } of slide.sources) {
      for (let number = line; number <= endLine; number++) {
        if (this.lines[number - 1]?.includes(snippet)) return number;
      }
    }
    return slide.line;
  }

  private sectionOf(line: number): number | undefined {
    let low = 0;
    let high = this.sections.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sections[mid]!.line <= line) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? (this.sections.length > 0 ? 1 : undefined) : low;
  }
}
