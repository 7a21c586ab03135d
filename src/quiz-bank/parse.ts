import { parseDecimal, QUESTION_KINDS, type Expected, type QuestionKind } from '../shared/quiz';
import { parseChoices } from './choices';
import { codeMask, joinLines, splitBlocks, toLines, type Line } from './lines';
import type { BankProblem, BankSource, QuestionSource } from './source';

const PROPERTY = /^([A-Za-z0-9_-]+):\s*(.*)$/;
const SECTION = /^### +(.*?)\s*$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const SECTIONS = {
  Optionen: 'options',
  Reihenfolge: 'steps',
  Hinweis: 'hint',
  Musterantwort: 'answer',
  Erklärung: 'explanation',
} as const;
type Section = (typeof SECTIONS)[keyof typeof SECTIONS];

const REQUIRED = ['id', 'topic', 'kind', 'slide'] as const;
const OPTIONAL = ['number', 'value'] as const;
/** `value: 0,999 ± 0,001 ms`: the number, an optional tolerance, an optional unit. */
const VALUE = /^(\S+?)(?:\s*(?:±|\+-|\+\/-)\s*(\S+?))?(?:\s+([^\d\s±][^±]{0,15}))?$/;

/**
 * Parses a bank file (`slides/<deckId>.quiz.md`): questions separated by `---` lines, each
 * starting with `key: value` properties, then the prompt, then `### …` sections. See the
 * README, section "Quiz".
 */
export function parseBank(source: string, deckId: string): BankSource {
  const problems: BankProblem[] = [];
  const questions: QuestionSource[] = [];
  for (const block of splitBlocks(toLines(source))) {
    if (isBlank(block)) continue;
    const question = parseQuestion(block, problems);
    if (question) questions.push(question);
  }
  return { deckId, questions, problems };
}

function isBlank(block: readonly Line[]): boolean {
  return (
    joinLines(block)
      .replace(/<!--[\s\S]*?-->/g, '')
      .trim() === ''
  );
}

function parseQuestion(block: readonly Line[], problems: BankProblem[]): QuestionSource | null {
  const { properties, rest, line } = readProperties(block, problems);
  const missing = REQUIRED.filter((key) => !properties.get(key));
  if (missing.length > 0) {
    problems.push({ line, message: `Frage ohne ${missing.map((key) => `„${key}:“`).join(', ')}.` });
    return null;
  }
  const id = properties.get('id') ?? '';
  const kind = properties.get('kind') ?? '';
  if (!ID.test(id)) {
    problems.push({ line, message: `Die id „${id}“ besteht nur aus Kleinbuchstaben, Ziffern und Bindestrichen.` });
  }
  if (!isKind(kind)) {
    problems.push({ line, message: `Frage ${id}: „kind: ${kind}“ ist keine der Arten ${QUESTION_KINDS.join(', ')}.` });
    return null;
  }
  const question: QuestionSource = {
    id,
    topic: properties.get('topic') ?? '',
    kind,
    slide: properties.get('slide') ?? '',
    prompt: '',
    choices: [],
    answer: '',
    explanation: '',
    hints: [],
    line,
  };
  const number = properties.get('number');
  if (number !== undefined) {
    if (/^[1-9]\d*$/.test(number)) question.number = Number(number);
    else problems.push({ line, message: `Frage ${id}: „number: ${number}“ ist keine positive ganze Zahl.` });
  }
  const value = properties.get('value');
  if (value !== undefined) {
    const expected = parseExpected(value);
    if (expected) question.expected = expected;
    else
      problems.push({
        line,
        message: `Frage ${id}: „value: ${value}“ ist keine Zahl wie „3“, „0,5 ± 0,1“ oder „40 ± 2 ms“.`,
      });
  }
  readSections(question, rest, problems);
  return question;
}

function parseExpected(text: string): Expected | null {
  const match = VALUE.exec(text.trim());
  const value = parseDecimal(match?.[1] ?? '');
  const tolerance = match?.[2] === undefined ? 0 : parseDecimal(match[2]);
  if (value === null || tolerance === null || tolerance < 0) return null;
  return { value, tolerance, unit: (match?.[3] ?? '').trim() };
}

function readProperties(
  block: readonly Line[],
  problems: BankProblem[],
): { properties: Map<string, string>; rest: Line[]; line: number } {
  const properties = new Map<string, string>();
  let i = skipLeadingComment(block);
  let line = block.slice(i).find((l) => l.text.trim() !== '')?.number ?? block[0]?.number ?? 1;
  for (; i < block.length; i++) {
    const current = block[i];
    if (!current) break;
    if (current.text.trim() === '') continue;
    const match = PROPERTY.exec(current.text);
    if (!match) break;
    const key = match[1] ?? '';
    if (properties.size === 0) line = current.number;
    if (!(REQUIRED as readonly string[]).includes(key) && !(OPTIONAL as readonly string[]).includes(key)) {
      problems.push({ line: current.number, message: `Unbekannte Eigenschaft „${key}:“.` });
    } else if (properties.has(key)) {
      problems.push({ line: current.number, message: `Eigenschaft „${key}:“ steht doppelt.` });
    }
    properties.set(key, (match[2] ?? '').trim());
  }
  return { properties, rest: block.slice(i), line };
}

/** Index after blank lines and one HTML comment at the start (e.g. a note at the top of the file). */
function skipLeadingComment(block: readonly Line[]): number {
  let i = 0;
  while (block[i]?.text.trim() === '') i++;
  if (!block[i]?.text.trimStart().startsWith('<!--')) return 0;
  while (i < block.length && !block[i]?.text.includes('-->')) i++;
  return i + 1;
}

function readSections(question: QuestionSource, lines: readonly Line[], problems: BankProblem[]): void {
  const mask = codeMask(lines);
  const prompt: Line[] = [];
  const sections: { section: Section; line: number; lines: Line[] }[] = [];
  lines.forEach((line, i) => {
    const heading = mask[i] ? null : SECTION.exec(line.text);
    if (heading) {
      const name = heading[1] ?? '';
      const section = Object.hasOwn(SECTIONS, name) ? SECTIONS[name as keyof typeof SECTIONS] : undefined;
      if (section) {
        sections.push({ section, line: line.number, lines: [] });
        return;
      }
      problems.push({
        line: line.number,
        message: `Unbekannter Abschnitt „### ${name}“ (erlaubt: ${Object.keys(SECTIONS).join(', ')}).`,
      });
    }
    (sections.at(-1)?.lines ?? prompt).push(line);
  });
  question.prompt = joinLines(prompt);
  for (const { section, line, lines: body } of sections) {
    if (section === 'options' || section === 'steps') {
      if (question.choices.length > 0)
        problems.push({ line, message: `Frage ${question.id}: zweite Liste von Optionen.` });
      if ((section === 'steps') !== (question.kind === 'ordering')) {
        problems.push({
          line,
          message: `Frage ${question.id}: „kind: ${question.kind}“ passt nicht zu „### ${section === 'steps' ? 'Reihenfolge' : 'Optionen'}“.`,
        });
      }
      question.choices = parseChoices(body, section, problems);
    } else if (section === 'hint') {
      question.hints.push(joinLines(body));
    } else {
      if (question[section] !== '') {
        problems.push({ line, message: `Frage ${question.id}: Abschnitt „${sectionName(section)}“ steht doppelt.` });
      }
      question[section] = joinLines(body);
    }
  }
}

function sectionName(section: Section): string {
  return Object.entries(SECTIONS).find(([, value]) => value === section)?.[0] ?? section;
}

function isKind(kind: string): kind is QuestionKind {
  return (QUESTION_KINDS as readonly string[]).includes(kind);
}
