import type { Question } from '../../shared/quiz';
import { lastAttempt, needsReread } from '../progress';
import { isDue } from '../schedule';
import type { QuizSession } from '../session';
import { el, textOf } from '../../browser/dom';
import { KIND_NAMES } from '../../shared/quiz';

const STATE_LABELS = { new: 'neu', right: 'richtig', partial: 'teilweise', wrong: 'falsch' } as const;

/** All questions of the bank with their state; a click (or Enter) opens one. */
export class OverviewView {
  readonly element = el('nav', { class: 'quiz-overview', 'aria-labelledby': 'overview-title' });
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly session: QuizSession,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const question of session.bank.questions) this.labels.set(question.id, shorten(textOf(question.promptHtml)));
  }

  update(): void {
    const { session } = this;
    const questions = session.bank.questions;
    const answered = questions.filter((q) => lastAttempt(session.progress.questions[q.id])).length;
    const list = el('ol', {});
    questions.forEach((question, i) => list.append(el('li', {}, this.renderItem(question, i + 1))));
    this.element.replaceChildren(
      el('h2', { id: 'overview-title' }, 'Übersicht'),
      el('p', { class: 'quiz-help' }, `${answered} von ${questions.length} Fragen beantwortet`),
      list,
    );
  }

  private renderItem(question: Question, number: number): HTMLElement {
    const { session } = this;
    const entry = session.progress.questions[question.id];
    const attempt = lastAttempt(entry);
    const state = attempt?.outcome ?? 'new';
    const due = attempt !== undefined && entry !== undefined && isDue(entry.card, this.now());
    const current = session.question?.id === question.id;
    const tags = [STATE_LABELS[state], due ? 'fällig' : '', needsReread(entry) ? 'Folie noch einmal lesen' : ''].filter(
      Boolean,
    );
    const button = el(
      'button',
      {
        type: 'button',
        class: `quiz-overview-item is-${state}`,
        'aria-current': current ? 'step' : undefined,
        'data-key': `overview-${question.id}`,
      },
      el('span', { class: 'quiz-overview-number' }, String(number)),
      el('span', { class: 'quiz-overview-label' }, this.labels.get(question.id) ?? question.id),
      el('span', { class: 'quiz-overview-kind' }, KIND_NAMES[question.kind]),
      el('span', { class: 'quiz-overview-state' }, tags.join(' · ')),
    );
    button.addEventListener('click', () => session.goTo(question.id));
    return button;
  }
}

function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 68).trimEnd()}…` : text;
}
