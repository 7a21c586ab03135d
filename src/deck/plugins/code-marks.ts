/**
 * remark.js's marks inside code blocks, removed before highlighting (R55–R57).
 */

/**
 * `highlightLines`: a line starting with `*` is highlighted; `* ` becomes two spaces (the
 * column stays), a lone `*` is dropped. Returns 1-based line numbers.
 */
export function markedLines(code: string): { text: string; lines: Set<number> } {
  const lines = new Set<number>();
  const text = code
    .split('\n')
    .map((line, index) => {
      if (!line.startsWith('*')) return line;
      lines.add(index + 1);
      return line.startsWith('* ') ? `  ${line.slice(2)}` : line.slice(1);
    })
    .join('\n');
  return { text, lines };
}

/**
 * `highlightSpans`: text between single backticks on one line is highlighted, the backticks
 * removed; `` \` `` is a literal backtick. Returns the spans as offsets into the new text.
 */
export function markedSpans(code: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = '';
  for (const [index, line] of code.split('\n').entries()) {
    if (index > 0) text += '\n';
    let open: number | undefined;
    let pending = '';
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === '\\' && line[i + 1] === '`') {
        pending += '`';
        i++;
      } else if (ch === '`' && open === undefined && line.indexOf('`', i + 1) !== -1) {
        text += pending;
        pending = '';
        open = text.length;
      } else if (ch === '`' && open !== undefined) {
        text += pending;
        pending = '';
        if (text.length > open) spans.push({ start: open, end: text.length });
        open = undefined;
      } else {
        pending += ch;
      }
    }
    text += pending;
  }
  return { text, spans };
}
