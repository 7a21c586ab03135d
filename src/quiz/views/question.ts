import { KIND_NAMES, slideHref } from '../../shared/quiz';
import { needsReread } from '../progress';
import type { Change, Draft, QuizSession } from '../session';
import { renderChoices } from './answer-choices';
import { renderNumber } from './answer-number';
import { renderOrdering } from './answer-ordering';
import { renderText } from './answer-text';
import { el, compiled } from '../../browser/dom';

const OUTCOME_TEXT = {
  choice: { right: 'Richtig!', partial: 'Teilweise richtig.', wrong: 'Leider falsch.' },
  text: {
    right: 'Selbst bewertet: gewusst.',
    partial: 'Selbst bewertet: teilweise gewusst.',
    wrong: 'Selbst bewertet: nicht gewusst.',
  },
};

/** The card with the question on screen: prompt, answer, hints, check, feedback and navigation. */
export class QuestionView {
  readonly element = el('section', { class: 'quiz-card', 'aria-labelledby': 'question-title' });
  /** Question, phase, hints and the reread note last drawn, as `id/phase/hints/reread`. */
  private rendered = '';

  constructor(private readonly session: QuizSession) {}

  /** Redraws after a change; `moveFocus: false` for the first drawing, which leaves focus where the page put it. */
  update(change: Change, moveFocus = true): void {
    const draft = this.session.draft;
    const reread = draft ? needsReread(this.session.progress.questions[draft.question.id]) : false;
    const state = draft ? `${draft.question.id}/${draft.phase}/${draft.hints}/${reread}` : '';
    // Typing re-renders only the preview or the field's help (done by the field), so it keeps its caret.
    const typed = draft?.question.kind === 'text' || draft?.question.kind === 'number';
    if (change !== 'question' && state === this.rendered && (change === 'progress' || typed)) return;
    const phaseChanged = state.split('/')[1] !== this.rendered.split('/')[1];
    this.rendered = state;
    const focused = document.activeElement?.closest('[data-key]')?.getAttribute('data-key');
    this.element.replaceChildren(...(draft ? this.renderDraft(draft) : this.renderEmpty()));
    if (!moveFocus) return;
    if (change === 'question' || (phaseChanged && draft?.phase === 'answering')) this.focusTitle();
    else if (phaseChanged && draft?.phase === 'done') this.focus('verdict');
    else if (phaseChanged && draft?.phase === 'revealed') this.focus('grade-right');
    else if (focused) this.focus(focused);
  }

  private focus(key: string): void {
    (this.element.querySelector(`[data-key="${key}"]`) as HTMLElement | null)?.focus();
  }

  focusTitle(): void {
    (this.element.querySelector('#question-title') as HTMLElement | null)?.focus();
  }

  private renderDraft(draft: Draft): HTMLElement[] {
    const { session } = this;
    const { question } = draft;
    const entry = session.progress.questions[question.id];
    const meta = [question.topic, KIND_NAMES[question.kind]];
    if (question.number !== undefined) meta.push(`Verständnisfrage ${question.number}`);
    const body =
      question.kind === 'text'
        ? renderText(draft, session)
        : question.kind === 'ordering'
          ? renderOrdering(draft, session)
          : question.kind === 'number'
            ? renderNumber(draft, session)
            : renderChoices(draft, session);
    return [
      el(
        'header',
        { class: 'quiz-card-head' },
        el(
          'h2',
          { id: 'question-title', tabindex: -1, 'data-key': 'title' },
          `Frage ${session.position + 1} von ${session.queue.length}`,
        ),
        el('p', { class: 'quiz-meta' }, meta.join(' · ')),
        needsReread(entry) ? this.renderReread(draft) : null,
      ),
      el('div', { class: 'quiz-prompt' }, compiled(question.promptHtml)),
      body,
      this.renderHints(draft),
      this.renderActions(draft),
      draft.phase === 'done' ? this.renderResult(draft) : null,
      this.renderSteps(),
    ].filter((element): element is HTMLElement => element !== null);
  }

  private renderReread(draft: Draft): HTMLElement {
    return el(
      'p',
      { class: 'quiz-reread' },
      'Mehrmals in Folge falsch – ',
      el('a', { href: slideHref(this.session.bank.deckId, draft.question.slide) }, 'Folie noch einmal lesen'),
      `: „${draft.question.slideTitle}“`,
    );
  }

  private renderHints(draft: Draft): HTMLElement {
    const hints = draft.question.hintsHtml.slice(0, draft.hints);
    return el(
      'div',
      { class: 'quiz-hints', 'aria-live': 'polite' },
      ...hints.map((html, i) =>
        el('div', { class: 'quiz-hint' }, el('strong', {}, `Hinweis ${i + 1}: `), el('div', { html })),
      ),
    );
  }

  private renderActions(draft: Draft): HTMLElement | null {
    if (draft.phase !== 'answering') return null;
    const { question } = draft;
    const actions = el('div', { class: 'quiz-actions' });
    if (draft.hints < question.hintsHtml.length) {
      actions.append(
        this.button('hint', draft.hints === 0 ? 'Hinweis zeigen' : 'Weiterer Hinweis', 'H', () =>
          this.session.showHint(),
        ),
      );
    }
    const check = question.kind === 'text' ? 'Mit Musterantwort vergleichen' : 'Prüfen';
    const button = this.button('check', check, question.kind === 'text' ? 'Strg+Enter' : 'Enter', () =>
      this.session.check(),
    );
    if ((question.kind === 'single' || question.kind === 'multiple') && draft.selected.size === 0) {
      button.setAttribute('aria-disabled', 'true');
      button.title = 'Erst eine Antwort wählen';
    }
    actions.append(button);
    return actions;
  }

  private renderResult(draft: Draft): HTMLElement {
    const { question, outcome = 'wrong' } = draft;
    const texts = question.kind === 'text' ? OUTCOME_TEXT.text : OUTCOME_TEXT.choice;
    return el(
      'div',
      { class: `quiz-result is-${outcome}` },
      el('p', { class: 'quiz-verdict', tabindex: -1, 'data-key': 'verdict' }, texts[outcome]),
      question.kind === 'text' ? null : el('h3', {}, 'Musterantwort'),
      question.kind === 'text' ? null : el('div', {}, compiled(question.answerHtml)),
      el('h3', {}, 'Erklärung'),
      el('div', {}, compiled(question.explanationHtml)),
      el(
        'p',
        { class: 'quiz-slide-link' },
        el(
          'a',
          { href: slideHref(this.session.bank.deckId, question.slide), 'data-key': 'slide' },
          `Zur Folie: „${question.slideTitle}“`,
        ),
      ),
      el(
        'div',
        { class: 'quiz-actions' },
        this.button('retry', 'Noch einmal beantworten', 'R', () => this.session.retry()),
      ),
    );
  }

  private renderSteps(): HTMLElement {
    const { session } = this;
    const previous = this.button('previous', '← Vorherige Frage', '←', () => session.previous());
    const next = this.button('next', 'Nächste Frage →', '→', () => session.next());
    if (session.position === 0) previous.setAttribute('aria-disabled', 'true');
    if (session.position >= session.queue.length - 1) next.setAttribute('aria-disabled', 'true');
    return el('nav', { class: 'quiz-steps', 'aria-label': 'Fragen blättern' }, previous, next);
  }

  private renderEmpty(): HTMLElement[] {
    const message =
      this.session.mode === 'due'
        ? 'Heute ist keine Frage zur Wiederholung fällig. Beantworten Sie neue Fragen oder kommen Sie morgen wieder.'
        : 'Keine Frage ist zuletzt falsch beantwortet worden – gut gemacht!';
    return [
      el('h2', { id: 'question-title', tabindex: -1 }, 'Nichts zu wiederholen'),
      el('p', {}, message),
      el(
        'div',
        { class: 'quiz-actions' },
        this.button('all', 'Alle Fragen', '', () => this.session.setMode('all')),
      ),
    ];
  }

  private button(key: string, label: string, shortcut: string, action: () => void): HTMLElement {
    const button = el(
      'button',
      { type: 'button', 'data-key': key, 'aria-keyshortcuts': shortcutAria(shortcut) },
      label,
      shortcut ? el('kbd', { 'aria-hidden': 'true' }, shortcut) : null,
    );
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') !== 'true') action();
    });
    return button;
  }
}

function shortcutAria(shortcut: string): string | undefined {
  const keys: Record<string, string> = {
    H: 'H',
    R: 'R',
    Enter: 'Enter',
    'Strg+Enter': 'Control+Enter',
    '←': 'ArrowLeft',
    '→': 'ArrowRight',
  };
  return keys[shortcut];
}
