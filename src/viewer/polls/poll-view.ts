import { compiled, el } from '../../browser/dom';
import { barIsRight, numberLabel, POLL_KINDS, type PollBar, type PollView } from '../../shared/polls';

/** A poll as it came over the wire (a follow event, a clone message): a PollView, null, or nothing usable. */
export function asPollView(data: unknown): PollView | null | undefined {
  if (data === null) return null;
  if (typeof data !== 'object') return undefined;
  const view = data as Partial<PollView>;
  const fits =
    typeof view.id === 'string' &&
    typeof view.promptHtml === 'string' &&
    POLL_KINDS.includes(view.kind as PollView['kind']) &&
    Array.isArray(view.choices) &&
    (view.status === 'open' || view.status === 'closed');
  return fits ? (view as PollView) : undefined;
}

/** What the room may see of the presenter's view: results once shown, the solution once revealed. */
export function roomView(view: PollView | null): PollView | null {
  if (!view) return null;
  const { results, solution, ...rest } = view;
  return { ...rest, ...(view.shown && results ? { results } : {}), ...(view.revealed && solution ? { solution } : {}) };
}

/** The letter of a choice in the order the screens show it: A, B, C … */
export function letter(index: number): string {
  return String.fromCharCode(65 + index);
}

function choiceText(view: PollView, id: string): string {
  const html = view.choices.find((choice) => choice.id === id)?.html ?? id;
  const scratch = document.createElement('span');
  scratch.append(compiled(html));
  return scratch.textContent ?? id;
}

/** A bar's label: the choice with its letter, an order as its steps, the word as typed by students (text only), the number or range. */
function barLabel(view: PollView, bar: PollBar): string {
  if (view.kind === 'word') return bar.key;
  if (view.kind === 'number') return numberLabel(bar.key, view.unit);
  if (view.kind === 'ordering') {
    return bar.key
      .split(',')
      .map((id) => letter(view.choices.findIndex((choice) => choice.id === id)))
      .join(' → ');
  }
  const index = view.choices.findIndex((choice) => choice.id === bar.key);
  return `${letter(index)}: ${choiceText(view, bar.key)}`;
}

/** The prompt, compiled from the bank at build time. */
export function promptBlock(view: PollView): HTMLElement {
  const prompt = el('div', { class: 'vs-poll-prompt' });
  prompt.append(compiled(view.promptHtml));
  return prompt;
}

/** The histogram: one row per bar, its share as the bar's length, the count as text. */
export function histogram(view: PollView): HTMLElement {
  const box = el('div', { class: 'vs-poll-results' });
  const results = view.results;
  if (!results) return box;
  const voters = el('p', { class: 'vs-poll-voters' });
  voters.textContent = results.voters === 1 ? '1 Stimme' : `${results.voters} Stimmen`;
  const list = el('ol', { class: 'vs-poll-bars' });
  const most = Math.max(1, ...results.bars.map((bar) => bar.count), results.other);
  const rows: { label: string; count: number; correct: boolean }[] = results.bars.map((bar) => ({
    label: barLabel(view, bar),
    count: bar.count,
    correct:
      view.solution !== undefined && barIsRight(view.kind, bar.key, view.solution.correct, view.solution.tolerance),
  }));
  if (results.other > 0) rows.push({ label: 'Weitere', count: results.other, correct: false });
  for (const row of rows) {
    const item = el('li', { class: 'vs-poll-bar' });
    if (row.correct) item.classList.add('vs-poll-correct');
    const label = el('span', { class: 'vs-poll-bar-label' });
    label.textContent = row.correct ? `✓ ${row.label}` : row.label;
    label.title = row.label;
    const track = el('span', { class: 'vs-poll-bar-track' });
    const fill = el('span', { class: 'vs-poll-bar-fill' });
    fill.style.width = `${(row.count / most) * 100}%`;
    track.append(fill);
    track.setAttribute('aria-hidden', 'true');
    const count = el('span', { class: 'vs-poll-bar-count' });
    count.textContent = String(row.count);
    count.setAttribute(
      'aria-label',
      `${row.count} ${row.count === 1 ? 'Stimme' : 'Stimmen'}${row.correct ? ', richtig' : ''}`,
    );
    item.append(label, track, count);
    list.append(item);
  }
  box.append(voters, list);
  if (view.kind === 'ordering') box.append(stepLegend(view));
  return box;
}

/** For ordering: which step each letter stands for. */
function stepLegend(view: PollView): HTMLElement {
  const legend = el('ol', { class: 'vs-poll-legend' });
  legend.setAttribute('aria-label', 'Schritte');
  view.choices.forEach((choice, index) => {
    const item = document.createElement('li');
    item.append(compiled(choice.html));
    item.prepend(`${letter(index)}: `);
    legend.append(item);
  });
  return legend;
}

/** The bank's answer and explanation, once revealed. */
export function solutionBlock(view: PollView): HTMLElement {
  const box = el('div', { class: 'vs-poll-solution' });
  if (!view.solution) return box;
  const heading = el('h3', { class: 'vs-poll-solution-title' });
  heading.textContent = 'Auflösung';
  const answer = el('div', { class: 'vs-poll-answer' });
  answer.append(compiled(view.solution.answerHtml));
  const explanation = el('div', { class: 'vs-poll-explanation' });
  explanation.append(compiled(view.solution.explanationHtml));
  box.append(heading, answer, explanation);
  return box;
}
