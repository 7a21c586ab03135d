import { isWithin, type Question } from '../shared/quiz';

/** How a student did on a question: by the check of a choice, or by their own grade of a free text. */
export type Outcome = 'right' | 'partial' | 'wrong';

/** Right when exactly the correct options are ticked. */
export function gradeChoice(question: Question, selected: ReadonlySet<string>): Outcome {
  const exact = question.choices.every((choice) => choice.correct === selected.has(choice.id));
  return exact ? 'right' : 'wrong';
}

/** Right when the steps stand in the order the author wrote them. */
export function gradeOrdering(question: Question, order: readonly string[]): Outcome {
  return isInOrder(question, order) ? 'right' : 'wrong';
}

function isInOrder(question: Question, order: readonly string[]): boolean {
  return order.length === question.choices.length && question.choices.every((choice, i) => order[i] === choice.id);
}

/** Right when the number lies within the question's tolerance. */
export function gradeNumber(question: Question, value: number): Outcome {
  return question.expected && isWithin(value, question.expected) ? 'right' : 'wrong';
}

/** Fisher–Yates shuffle. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/** The ids of a question's choices in a fresh random order; steps never start already in order. */
export function startingOrder(question: Question, random: () => number = Math.random): string[] {
  const ids = question.choices.map((choice) => choice.id);
  const order = shuffled(ids, random);
  return question.kind === 'ordering' && isInOrder(question, order) ? [...order.slice(1), ...order.slice(0, 1)] : order;
}
