import type { Draft, QuizSession } from '../session';
import { el, compiled } from '../../browser/dom';

/**
 * Ordering: the steps in their current arrangement. A key 1–9 picks a step, ↑/↓ move it; the
 * buttons do the same by mouse. After the check each step says where it belongs.
 */
export function renderOrdering(draft: Draft, session: QuizSession): HTMLElement {
  const { question } = draft;
  const done = draft.phase === 'done';
  const list = el('ol', { class: 'quiz-order', 'aria-describedby': 'order-help' });
  draft.order.forEach((id, position) => {
    const index = question.choices.findIndex((c) => c.id === id);
    const step = question.choices[index];
    if (!step) return;
    const picked = draft.picked === position && !done;
    const item = el(
      'li',
      {
        class: `quiz-step${picked ? ' is-picked' : ''}${done ? (index === position ? ' is-right' : ' is-wrong') : ''}`,
        'data-choice': id,
      },
      el('span', { class: 'quiz-key', 'aria-hidden': 'true' }, String(position + 1)),
      el('span', { class: 'quiz-step-text' }, compiled(step.html)),
    );
    if (done) {
      item.append(
        el(
          'div',
          { class: 'quiz-choice-feedback' },
          el('strong', {}, index === position ? 'Richtig an dieser Stelle.' : `Gehört an Stelle ${index + 1}.`),
          el('div', {}, compiled(step.feedbackHtml)),
        ),
      );
    } else {
      item.append(
        el(
          'span',
          { class: 'quiz-step-moves' },
          moveButton(session, id, position, -1, position === 0),
          moveButton(session, id, position, 1, position === draft.order.length - 1),
        ),
      );
    }
    list.append(item);
  });
  const pickedStep =
    draft.picked === null ? undefined : question.choices.find((c) => c.id === draft.order[draft.picked ?? 0]);
  return el(
    'div',
    {},
    el(
      'p',
      { class: 'quiz-help', id: 'order-help' },
      ...(done
        ? ['Ihre Reihenfolge:']
        : [
            el(
              'span',
              { class: 'quiz-keyhint' },
              'Wählen Sie einen Schritt mit seiner Nummer (1–9) und verschieben Sie ihn mit ↑ und ↓ – oder mit den Knöpfen.',
            ),
            el('span', { class: 'quiz-touchhint' }, 'Verschieben Sie die Schritte mit den Knöpfen ↑ und ↓.'),
          ]),
    ),
    list,
    el(
      'p',
      { class: 'visually-hidden', 'aria-live': 'polite' },
      pickedStep && !done ? `Gewählt: Schritt an Stelle ${(draft.picked ?? 0) + 1}.` : '',
    ),
  );
}

/** At the ends the button stays focusable (aria-disabled), so focus can follow a step moved there. */
function moveButton(session: QuizSession, id: string, position: number, delta: -1 | 1, atEnd: boolean): HTMLElement {
  const label = `Schritt ${position + 1} ${delta < 0 ? 'nach oben' : 'nach unten'}`;
  const button = el(
    'button',
    {
      type: 'button',
      class: 'quiz-move',
      'aria-label': label,
      'data-key': `move-${id}${delta}`,
      'aria-disabled': atEnd ? 'true' : undefined,
    },
    delta < 0 ? '↑' : '↓',
  );
  button.addEventListener('click', () => session.moveStep(position, delta));
  return button;
}
