/**
 * Inline code spans on one line (remark.js protects only single-line spans, R41): maps the
 * start of each opening backtick run to the index just after its matching closing run.
 * Linear in the line length, so a 100,000-character line of stray backticks stays fast.
 */
export function codeSpanEnds(line: string): Map<number, number> {
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < line.length;) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    const start = i;
    while (line[i] === '`') i++;
    runs.push({ start, length: i - start });
  }

  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length) ?? [];
    list.push(index);
    byLength.set(run.length, list);
  });
  const cursors = new Map<number, number>();

  const ends = new Map<number, number>();
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const list = byLength.get(run.length)!;
    let cursor = cursors.get(run.length) ?? 0;
    while (cursor < list.length && list[cursor]! <= index) cursor++;
    cursors.set(run.length, cursor);
    const closer = list[cursor];
    if (closer === undefined) continue;
    const closing = runs[closer]!;
    ends.set(run.start, closing.start + closing.length);
    index = closer;
  }
  return ends;
}
