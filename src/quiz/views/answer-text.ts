import { withMarkdown } from '../lazy-markdown';
import type { Draft, QuizSession } from '../session';
import type { Outcome } from '../grading';
import { el, compiled } from '../../browser/dom';

export const SELF_GRADES: { outcome: Outcome; label: string }[] = [
  { outcome: 'right', label: 'Gewusst' },
  { outcome: 'partial', label: 'Teilweise' },
  { outcome: 'wrong', label: 'Nicht gewusst' },
];

/** Free text: editor with live preview; then the student's answer beside the model answer. */
export function renderText(draft: Draft, session: QuizSession): HTMLElement {
  return draft.phase === 'answering' ? renderEditor(draft, session) : renderComparison(draft, session);
}

function renderEditor(draft: Draft, session: QuizSession): HTMLElement {
  const preview = el('div', { class: 'quiz-rendered', id: 'answer-preview' });
  const textarea = el('textarea', {
    id: 'answer',
    'data-key': 'answer',
    rows: 8,
    'aria-describedby': 'answer-help',
    spellcheck: 'true',
  }) as HTMLTextAreaElement;
  textarea.value = draft.text;
  const showPreview = (): void => withMarkdown((render) => (preview.innerHTML = render(textarea.value)));
  showPreview();
  textarea.addEventListener('input', () => {
    session.setText(textarea.value);
    showPreview();
  });
  return el(
    'div',
    { class: 'quiz-columns' },
    el(
      'div',
      {},
      el('label', { for: 'answer', class: 'quiz-column-title' }, 'Ihre Antwort (Markdown)'),
      textarea,
      el(
        'p',
        { class: 'quiz-help quiz-keyhint', id: 'answer-help' },
        'Strg+Enter: mit der Musterantwort vergleichen · Esc: Textfeld verlassen',
      ),
    ),
    el(
      'section',
      { 'aria-label': 'Vorschau Ihrer Antwort' },
      el('p', { class: 'quiz-column-title', 'aria-hidden': 'true' }, 'Vorschau'),
      preview,
    ),
  );
}

function renderComparison(draft: Draft, session: QuizSession): HTMLElement {
  const own = el('div', { class: 'quiz-rendered' }, el('p', {}, el('em', {}, '(keine Antwort geschrieben)')));
  if (draft.text.trim() !== '') withMarkdown((render) => (own.innerHTML = render(draft.text)));
  const comparison = el(
    'div',
    { class: 'quiz-columns' },
    el(
      'section',
      { 'aria-labelledby': 'own-title' },
      el('h3', { id: 'own-title', class: 'quiz-column-title' }, 'Ihre Antwort'),
      own,
    ),
    el(
      'section',
      { 'aria-labelledby': 'model-title' },
      el('h3', { id: 'model-title', class: 'quiz-column-title' }, 'Musterantwort'),
      el('div', { class: 'quiz-rendered quiz-model' }, compiled(draft.question.answerHtml)),
    ),
  );
  if (draft.phase !== 'revealed') return comparison;
  const grades = el(
    'fieldset',
    { class: 'quiz-grades' },
    el('legend', {}, 'Wie gut wussten Sie es?', el('span', { class: 'quiz-keyhint' }, ' (Tasten 1–3)')),
  );
  SELF_GRADES.forEach(({ outcome, label }, n) => {
    const button = el(
      'button',
      { type: 'button', 'data-key': `grade-${outcome}`, class: `quiz-grade is-${outcome}` },
      el('span', { class: 'quiz-key', 'aria-hidden': 'true' }, String(n + 1)),
      label,
    );
    button.addEventListener('click', () => session.grade(outcome));
    grades.append(button);
  });
  return el('div', {}, comparison, grades);
}
