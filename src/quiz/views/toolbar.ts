import type { Mode, QuizSession } from '../session';
import { h } from './element';

const MODES: { mode: Mode; label: string }[] = [
  { mode: 'all', label: 'Alle Fragen' },
  { mode: 'due', label: 'Heute fällig' },
  { mode: 'wrong', label: 'Falsche wiederholen' },
];

export interface ToolbarActions {
  toggleResults(): void;
  exportProgress(): void;
  importProgress(file: File): void;
}

/** Mode switch with counts, the results toggle, and export/import of progress. */
export class ToolbarView {
  readonly element = h('div', { class: 'quiz-toolbar' });
  resultsOpen = false;

  constructor(
    private readonly session: QuizSession,
    private readonly actions: ToolbarActions,
  ) {}

  update(): void {
    const { session, actions } = this;
    const modes = h('div', { role: 'group', 'aria-label': 'Welche Fragen', class: 'quiz-modes' });
    for (const { mode, label } of MODES) {
      const count = session.questionsFor(mode).length;
      const button = h(
        'button',
        { type: 'button', 'aria-pressed': String(session.mode === mode && !this.resultsOpen), 'data-mode': mode },
        `${label} `,
        h('span', { class: 'quiz-count' }, `(${count})`),
      );
      button.addEventListener('click', () => {
        if (this.resultsOpen) actions.toggleResults();
        session.setMode(mode);
      });
      modes.append(button);
    }
    const results = h(
      'button',
      { type: 'button', 'aria-expanded': String(this.resultsOpen), 'aria-controls': 'quiz-results' },
      'Ergebnis nach Thema',
    );
    results.addEventListener('click', () => actions.toggleResults());
    const file = h('input', {
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
    const exporter = h('button', { type: 'button' }, 'Fortschritt exportieren');
    exporter.addEventListener('click', () => actions.exportProgress());
    const importer = h('button', { type: 'button' }, 'Fortschritt importieren');
    importer.addEventListener('click', () => file.click());
    this.element.replaceChildren(
      modes,
      results,
      h(
        'div',
        { role: 'group', 'aria-label': 'Fortschritt sichern', class: 'quiz-transfer' },
        exporter,
        importer,
        file,
      ),
    );
  }
}
