import { el } from '../../browser/dom';
import { expectedText, formatDecimal, parseDecimal } from '../../shared/quiz';
import type { Draft, QuizSession } from '../session';

const HELP = 'Dezimalkomma oder -punkt · Enter: prüfen';

/**
 * Number: one field for a decimal (the phone shows its number keys), the unit beside it; what
 * was typed is checked as it is typed. After the check, the answer beside the right value.
 */
export function renderNumber(draft: Draft, session: QuizSession): HTMLElement {
  const expected = draft.question.expected;
  const unit = expected?.unit ? el('span', { class: 'quiz-number-unit' }, expected.unit) : null;
  if (draft.phase === 'done') {
    const value = parseDecimal(draft.text);
    return el(
      'div',
      { class: `quiz-number is-${draft.outcome ?? 'wrong'}` },
      el(
        'p',
        {},
        'Ihre Antwort: ',
        el('strong', {}, value === null ? '–' : formatDecimal(value)),
        unit ? ` ${unit.textContent}` : '',
      ),
      expected ? el('p', {}, 'Richtig ist: ', el('strong', {}, expectedText(expected))) : null,
    );
  }
  const help = el('p', { class: 'quiz-help', id: 'answer-help', 'aria-live': 'polite' });
  const input = el('input', {
    id: 'answer',
    'data-key': 'answer',
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    enterkeyhint: 'done',
    'aria-describedby': 'answer-help',
  }) as HTMLInputElement;
  input.value = draft.text;
  const validate = (): void => {
    const invalid = input.value.trim() !== '' && parseDecimal(input.value) === null;
    input.setAttribute('aria-invalid', String(invalid));
    help.textContent = invalid ? 'Das ist keine Zahl – schreiben Sie z. B. 3 oder 0,5.' : HELP;
  };
  validate();
  input.addEventListener('input', () => {
    session.setText(input.value);
    validate();
  });
  return el(
    'div',
    { class: 'quiz-number' },
    el('label', { for: 'answer', class: 'quiz-column-title' }, 'Ihre Antwort (eine Zahl)'),
    el('div', { class: 'quiz-number-field' }, input, unit),
    help,
  );
}
