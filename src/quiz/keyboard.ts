import type { QuizSession } from './session';
import { SELF_GRADES } from './views/answer-text';

const TYPING = 'textarea, input:not([type="radio"]):not([type="checkbox"]), select, [contenteditable="true"]';
/** A one-line answer field: Enter checks, as in a form. */
const LINE_FIELD = 'input[inputmode="decimal"]';
const ACTIVATES_ON_ENTER = 'button, a[href], summary';

/**
 * The quiz's keys: 1–9 choose (or pick a step, or grade oneself), Enter checks and then moves
 * on, ←/→ change the question, ↑/↓ move a picked step, H shows a hint, R answers again.
 * In a text field only Ctrl+Enter (compare) and Esc (leave the field) count; in the number field
 * Enter checks as well.
 */
export function bindKeyboard(session: QuizSession, isActive: () => boolean, leaveField: () => void): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.metaKey || !isActive()) return;
    const target = event.target instanceof Element ? event.target : null;
    const field = target?.closest(TYPING) ?? null;
    const handled = field
      ? fieldKey(session, event, leaveField, field)
      : event.ctrlKey
        ? ctrlKey(session, event)
        : key(session, event, target);
    if (handled) event.preventDefault();
  });
}

function fieldKey(session: QuizSession, event: KeyboardEvent, leaveField: () => void, field: Element): boolean {
  if (event.key === 'Enter' && (event.ctrlKey || field.matches(LINE_FIELD))) {
    session.check();
    return true;
  }
  if (event.key === 'Escape') {
    leaveField();
    return true;
  }
  return false;
}

function ctrlKey(session: QuizSession, event: KeyboardEvent): boolean {
  if (event.key !== 'Enter') return false;
  session.check();
  return true;
}

function key(session: QuizSession, event: KeyboardEvent, target: Element | null): boolean {
  const draft = session.draft;
  if (/^[1-9]$/.test(event.key)) {
    const n = Number(event.key) - 1;
    const grade = SELF_GRADES[n];
    if (draft?.phase === 'revealed' && grade) session.grade(grade.outcome);
    else if (draft?.question.kind === 'ordering') session.pick(n);
    else session.choose(n);
    return true;
  }
  switch (event.key) {
    case 'Enter':
      if (target?.closest(ACTIVATES_ON_ENTER)) return false;
      if (draft?.phase === 'done') session.next();
      else session.check();
      return true;
    case 'ArrowLeft':
      session.previous();
      return true;
    case 'ArrowRight':
      session.next();
      return true;
    case 'ArrowUp':
    case 'ArrowDown':
      if (draft?.question.kind !== 'ordering' || draft.picked === null || draft.phase !== 'answering') return false;
      session.moveStep(draft.picked, event.key === 'ArrowUp' ? -1 : 1);
      return true;
    case 'h':
    case 'H':
      session.showHint();
      return true;
    case 'r':
    case 'R':
      if (draft?.phase !== 'done') return false;
      session.retry();
      return true;
    default:
      return false;
  }
}
