import type { Choice } from '../../shared/quiz';
import type { Draft, QuizSession } from '../session';
import { el, compiled } from '../../browser/dom';

/** Single and multiple choice: native radios or checkboxes, numbered for the keys 1–9. */
export function renderChoices(draft: Draft, session: QuizSession): HTMLElement {
  const { question } = draft;
  const single = question.kind === 'single';
  const done = draft.phase === 'done';
  const legend = el(
    'legend',
    { class: 'quiz-help' },
    single ? 'Wählen Sie eine Antwort.' : 'Wählen Sie alle richtigen Antworten.',
    el('span', { class: 'quiz-keyhint' }, ' (Tasten 1–9)'),
  );
  const fieldset = el('fieldset', { class: 'quiz-choices' }, legend);
  draft.order.forEach((id, n) => {
    const choice = question.choices.find((c) => c.id === id);
    if (!choice) return;
    const selected = draft.selected.has(id);
    const feedbackId = `feedback-${id}`;
    const input = el('input', {
      type: single ? 'radio' : 'checkbox',
      name: 'choice',
      value: id,
      id: `choice-${id}`,
      'data-key': `choice-${id}`,
      checked: selected,
      disabled: done,
      'aria-describedby': done ? feedbackId : undefined,
    }) as HTMLInputElement;
    input.checked = selected;
    input.addEventListener('change', () => session.choose(n));
    fieldset.append(
      el(
        'div',
        { class: `quiz-choice ${done ? verdictClass(choice, selected) : ''}`, 'data-choice': id },
        el(
          'label',
          { for: `choice-${id}` },
          input,
          el('span', { class: 'quiz-key', 'aria-hidden': 'true' }, String(n + 1)),
          el('span', { class: 'quiz-choice-text' }, compiled(choice.html)),
          done ? el('span', { class: 'quiz-mark', 'aria-hidden': 'true' }, MARK[verdictClass(choice, selected)]) : null,
        ),
        done ? renderFeedback(choice, selected, single, feedbackId) : null,
      ),
    );
  });
  return fieldset;
}

function verdictClass(choice: Choice, selected: boolean): string {
  if (choice.correct) return selected ? 'is-right' : 'is-missed';
  return selected ? 'is-wrong' : 'is-other';
}

/** Besides the colour: a tick on every right answer (solid border if chosen, dashed if missed), a cross on a wrong pick. */
const MARK: Record<string, string> = { 'is-right': '✓', 'is-missed': '✓', 'is-wrong': '✗', 'is-other': '' };

const VERDICT: Record<string, string> = {
  'is-right': 'Richtig gewählt.',
  'is-missed': 'Diese Antwort hätte auch gestimmt.',
  'is-wrong': 'Falsch gewählt.',
  'is-other': 'Zu Recht nicht gewählt.',
};

function renderFeedback(choice: Choice, selected: boolean, single: boolean, id: string): HTMLElement {
  const verdict = verdictClass(choice, selected);
  return el(
    'div',
    { class: 'quiz-choice-feedback', id },
    el('strong', {}, single && verdict === 'is-missed' ? 'Das ist die richtige Antwort.' : (VERDICT[verdict] ?? '')),
    el('div', {}, compiled(choice.feedbackHtml)),
  );
}
