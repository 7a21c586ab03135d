import type { Mode, QuizSession } from '../session';
import { el } from '../../browser/dom';

/** Each mode with its label, and a short one for a phone held upright. */
const MODES: { mode: Mode; label: string; short: string }[] = [
  { mode: 'all', label: 'Alle Fragen', short: 'Alle' },
  { mode: 'due', label: 'Jetzt fällig', short: 'Fällig' },
  { mode: 'wrong', label: 'Falsche wiederholen', short: 'Falsch' },
];

export interface ToolbarActions {
  toggleResults(): void;
  exportProgress(): void;
  importProgress(file: File): void;
}

/**
 * Mode switch with counts, the results toggle, and export/import of progress. On a narrow
 * screen the last three fold behind "Mehr", so that the question stays on the first screen.
 */
export class ToolbarView {
  readonly element = el('div', { class: 'quiz-toolbar' });
  resultsOpen = false;
  #moreOpen = false;

  constructor(
    private readonly session: QuizSession,
    private readonly actions: ToolbarActions,
  ) {}

  update(): void {
    const { session, actions } = this;
    const modes = el('div', { role: 'group', 'aria-label': 'Welche Fragen', class: 'quiz-modes' });
    for (const { mode, label, short } of MODES) {
      const count = session.questionsFor(mode).length;
      const button = el(
        'button',
        {
          type: 'button',
          'aria-pressed': String(session.mode === mode && !this.resultsOpen),
          'aria-label': `${label} (${count})`,
          'data-mode': mode,
        },
        el('span', { class: 'quiz-label-long' }, label),
        el('span', { class: 'quiz-label-short' }, short),
        ' ',
        el('span', { class: 'quiz-count' }, `(${count})`),
      );
      button.addEventListener('click', () => {
        if (this.resultsOpen) actions.toggleResults();
        session.setMode(mode);
      });
      modes.append(button);
    }
    const results = el(
      'button',
      { type: 'button', 'aria-expanded': String(this.resultsOpen), 'aria-controls': 'quiz-results' },
      'Ergebnis nach Thema',
    );
    results.addEventListener('click', () => actions.toggleResults());
    const file = el('input', {
      type: 'file',
      accept: 'application/json,.json',
      class: 'visually-hidden',
      tabindex: -1,
      'aria-hidden': 'true',
    }) as HTMLInputElement;
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) actions.importProgress(chosen);
      file.value = '';
    });
    const exporter = el('button', { type: 'button' }, 'Fortschritt exportieren');
    exporter.addEventListener('click', () => actions.exportProgress());
    const importer = el('button', { type: 'button' }, 'Fortschritt importieren');
    importer.addEventListener('click', () => file.click());
    const focusedMode = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-mode]')?.dataset
      .mode;
    const more = el(
      'button',
      { type: 'button', class: 'quiz-more', 'aria-expanded': String(this.#moreOpen), 'aria-controls': 'quiz-extra' },
      'Mehr',
    );
    more.addEventListener('click', () => {
      this.#moreOpen = !this.#moreOpen;
      this.update();
      this.element.querySelector<HTMLElement>('.quiz-more')?.focus();
    });
    this.element.classList.toggle('is-more-open', this.#moreOpen);
    this.element.replaceChildren(
      modes,
      more,
      el(
        'div',
        { class: 'quiz-extra', id: 'quiz-extra' },
        results,
        el(
          'div',
          { role: 'group', 'aria-label': 'Fortschritt sichern', class: 'quiz-transfer' },
          exporter,
          importer,
          file,
        ),
      ),
    );
    if (focusedMode) this.element.querySelector<HTMLElement>(`[data-mode="${focusedMode}"]`)?.focus();
  }
}
