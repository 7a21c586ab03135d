import { existsSync, readFileSync } from 'node:fs';
import type { Deck } from '../shared/deck';
import { bankPath } from '../deck/load';
import type { MacroRegistry } from '../deck/macros';
import { KIND_NAMES, QUESTION_KINDS, type QuizBank } from '../shared/quiz';
import { compileBank } from './compile';
import { parseBank } from './parse';
import { renderBankTexts } from './render';
import type { BankProblem } from './source';
import { validateBank } from './validate';

export interface CheckedBank {
  /** The bank file, e.g. `slides/kapitel-2.quiz.md`. */
  file: string;
  /** The deck the bank belongs to. */
  deckId: string;
  /** Null when the bank has problems. */
  bank: QuizBank | null;
  problems: BankProblem[];
  questions: number;
}

/**
 * Reads, validates and compiles the bank beside a deck file (`slides/<id>.md` →
 * `slides/<id>.quiz.md`), for the build and for `npm run deck -- check`. Null when the deck
 * has no bank.
 */
export async function checkBank(deckFile: string, deck: Deck, macros?: MacroRegistry): Promise<CheckedBank | null> {
  const file = bankPath(deckFile);
  if (!existsSync(file)) return null;
  const source = parseBank(readFileSync(file, 'utf8'), deck.id);
  const problems = validateBank(source, deck);
  const compiled = await compileBank(source, deck, (texts) => renderBankTexts(texts, file, macros));
  problems.push(...compiled.problems);
  return {
    file,
    deckId: deck.id,
    bank: problems.length === 0 ? compiled.bank : null,
    problems: problems.sort((a, b) => a.line - b.line),
    questions: source.questions.length,
  };
}

/** `file:line: message`, as the deck compiler prints its diagnostics. */
export function formatBankProblem(file: string, problem: BankProblem): string {
  return `${file}:${problem.line}: ${problem.message}`;
}

/** A one-line summary for the CLI: question counts by kind. */
export function summarizeBank(bank: QuizBank): string {
  const parts = QUESTION_KINDS.map((kind) => [kind, bank.questions.filter((q) => q.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${KIND_NAMES[kind]}`);
  const count = bank.questions.length;
  return `Quiz mit ${count} ${count === 1 ? 'Frage' : 'Fragen'} (${parts.join(', ')})`;
}
