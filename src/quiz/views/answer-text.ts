import { withMarkdown } from '../lazy-markdown';
import type { Draft, QuizSession } from '../session';
import type { Outcome } from '../grading';
import { h } from './element';

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
  const preview = h('div', { class: 'quiz-rendered', id: 'answer-preview' });
  const textarea = h('textarea', {
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
  return h(
    'div',
    { class: 'quiz-columns' },
    h(
      'div',
      {},
      h('label', { for: 'answer', class: 'quiz-column-title' }, 'Ihre Antwort (Markdown)'),
      textarea,
      h(
        'p',
        { class: 'quiz-help quiz-keyhint', id: 'answer-help' },
        'Strg+Enter: mit der Musterantwort vergleichen · Esc: Textfeld verlassen',
      ),
    ),
    h(
      'section',
      { 'aria-label': 'Vorschau Ihrer Antwort' },
      h('p', { class: 'quiz-column-title', 'aria-hidden': 'true' }, 'Vorschau'),
      preview,
    ),
  );
}

function renderComparison(draft: Draft, session: QuizSession): HTMLElement {
  const own = h('div', { class: 'quiz-rendered', html: '<p><em>(keine Antwort geschrieben)</em></p>' });
  if (draft.text.trim() !== '') withMarkdown((render) => (own.innerHTML = render(draft.text)));
  const comparison = h(
    'div',
    { class: 'quiz-columns' },
    h(
      'section',
      { 'aria-labelledby': 'own-title' },
      h('h3', { id: 'own-title', class: 'quiz-column-title' }, 'Ihre Antwort'),
      own,
    ),
    h(
      'section',
      { 'aria-labelledby': 'model-title' },
      h('h3', { id: 'model-title', class: 'quiz-column-title' }, 'Musterantwort'),
      h('div', { class: 'quiz-rendered quiz-model', html: draft.question.answerHtml }),
    ),
  );
  if (draft.phase !== 'revealed') return comparison;
  const grades = h(
    'fieldset',
    { class: 'quiz-grades' },
    h('legend', {}, 'Wie gut wussten Sie es?', h('span', { class: 'quiz-keyhint' }, ' (Tasten 1–3)')),
  );
  SELF_GRADES.forEach(({ outcome, label }, n) => {
    const button = h(
      'button',
      { type: 'button', 'data-key': `grade-${outcome}`, class: `quiz-grade is-${outcome}` },
      h('span', { class: 'quiz-key', 'aria-hidden': 'true' }, String(n + 1)),
      label,
    );
    button.addEventListener('click', () => session.grade(outcome));
    grades.append(button);
  });
  return h('div', {}, comparison, grades);
}
