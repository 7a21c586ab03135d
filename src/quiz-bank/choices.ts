import { joinLines, type Line } from './lines';
import type { BankProblem, ChoiceSource } from './source';

const OPTION_ITEM = /^[-*+] \[([ xX])\] (.*)$/;
const STEP_ITEM = /^(\d+)[.)] (.*)$/;
const CONTINUATION = /^(?: {2,}|\t)(.*)$/;
const FEEDBACK = /^>\s?(.*)$/;

interface Item {
  line: number;
  correct: boolean;
  text: Line[];
  feedback: Line[];
}

/**
 * Reads the list of an `### Optionen` section (`- [x] right`, `- [ ] wrong`) or of a
 * `### Reihenfolge` section (`1. first step`, `2. …`). Indented `> ` lines under an item
 * are its feedback.
 */
export function parseChoices(
  lines: readonly Line[],
  list: 'options' | 'steps',
  problems: BankProblem[],
): ChoiceSource[] {
  const items: Item[] = [];
  /** After an item in the wrong list style (already reported), its indented lines are skipped. */
  let rejected = false;
  for (const line of lines) {
    if (OPTION_ITEM.test(line.text) || STEP_ITEM.test(line.text)) {
      const item = list === 'options' ? optionItem(line, problems) : stepItem(line, items.length, problems);
      if (item) items.push(item);
      rejected = item === null;
      continue;
    }
    const current = items.at(-1);
    const continued = CONTINUATION.exec(line.text);
    if (line.text.trim() === '') {
      current?.[current.feedback.length > 0 ? 'feedback' : 'text'].push(line);
    } else if (continued && rejected) {
      continue;
    } else if (current && continued) {
      const text = continued[1] ?? '';
      const feedback = FEEDBACK.exec(text);
      if (feedback || current.feedback.length > 0) {
        current.feedback.push({ text: feedback ? (feedback[1] ?? '') : text, number: line.number });
      } else {
        current.text.push({ text, number: line.number });
      }
    } else {
      problems.push({
        line: line.number,
        message:
          list === 'options'
            ? 'In „Optionen“ steht nur eine Liste „- [x] …“ / „- [ ] …“ mit eingerückten „> “-Rückmeldungen.'
            : 'In „Reihenfolge“ steht nur eine nummerierte Liste „1. …“ mit eingerückten „> “-Rückmeldungen.',
      });
    }
  }
  return items.map((item, i) => ({
    id: String.fromCharCode(97 + i),
    markdown: joinLines(item.text),
    feedback: joinLines(item.feedback),
    correct: item.correct,
    line: item.line,
  }));
}

function optionItem(line: Line, problems: BankProblem[]): Item | null {
  const match = OPTION_ITEM.exec(line.text);
  if (!match) {
    problems.push({ line: line.number, message: 'Optionen werden als „- [x] …“ oder „- [ ] …“ geschrieben.' });
    return null;
  }
  return item(line, match[1] !== ' ', match[2] ?? '');
}

function stepItem(line: Line, index: number, problems: BankProblem[]): Item | null {
  const match = STEP_ITEM.exec(line.text);
  if (!match) {
    problems.push({ line: line.number, message: 'Schritte werden als nummerierte Liste „1. …“ geschrieben.' });
    return null;
  }
  if (Number(match[1]) !== index + 1) {
    problems.push({
      line: line.number,
      message: `Schritt ${match[1]} steht an Stelle ${index + 1}; nummeriere 1, 2, 3, …`,
    });
  }
  return item(line, true, match[2] ?? '');
}

function item(line: Line, correct: boolean, text: string): Item {
  return { line: line.number, correct, text: [{ text, number: line.number }], feedback: [] };
}
