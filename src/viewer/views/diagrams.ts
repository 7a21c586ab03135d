import type { Mermaid } from 'mermaid';
import { DIAGRAM_CLASS, DIAGRAM_SOURCE_CLASS } from '../../shared/deck';
import { afterPaint } from '../after-paint';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { SlidesView } from './slides';

/** Matches the figure style of `media/README.md`: blue service boxes on a white slide. */
const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  suppressErrorRendering: true,
  theme: 'base',
  fontFamily: "'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif",
  fontSize: 22,
  sequence: { actorFontSize: 22, messageFontSize: 22, noteFontSize: 22 },
  themeVariables: {
    fontSize: '22px',
    primaryColor: '#e3edfb',
    primaryBorderColor: '#1a5fb4',
    primaryTextColor: '#1c1c1c',
    lineColor: '#333333',
    secondaryColor: '#e4f3e8',
    tertiaryColor: '#fdf0d5',
  },
} as const;

/**
 * Draws the mermaid diagrams of the slides about to be shown (current and neighbours).
 * Mermaid is downloaded the first time a diagram is needed, and never before the first
 * slide has been painted; a diagram that does not parse becomes an error box on its slide.
 */
export class Diagrams implements Part {
  #mermaid: Promise<Mermaid> | undefined;
  #counter = 0;
  #painted = false;
  #off: (() => void) | undefined;

  constructor(
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
  ) {}

  bind(): void {
    this.#off = this.navigation.on('change', () => this.update());
    afterPaint(() => {
      this.#painted = true;
      this.update();
    });
  }

  unbind(): void {
    this.#off?.();
  }

  update(): void {
    if (!this.#painted) return;
    const current = this.navigation.index;
    for (const index of [current, current + 1, current - 1]) {
      const content = (this.navigation.slideAt(index)?.diagrams ?? 0) > 0 ? this.slides.content(index) : undefined;
      if (content) void this.renderIn(content);
    }
  }

  /** Draws every diagram inside `root` that is not drawn yet; resolves when all are done. */
  async renderIn(root: HTMLElement): Promise<void> {
    const pending = [...root.querySelectorAll<HTMLElement>(`.${DIAGRAM_CLASS}:not([data-state])`)];
    if (pending.length === 0) return;
    for (const element of pending) element.dataset.state = 'pending';
    let mermaid: Mermaid;
    try {
      mermaid = await this.#load();
    } catch {
      for (const element of pending) showError(element, 'Mermaid konnte nicht geladen werden (offline?).');
      this.#mermaid = undefined;
      return;
    }
    for (const element of pending) await this.#draw(mermaid, element);
  }

  #load(): Promise<Mermaid> {
    this.#mermaid ??= import('mermaid').then(({ default: mermaid }) => {
      mermaid.initialize(MERMAID_CONFIG);
      return mermaid;
    });
    return this.#mermaid;
  }

  async #draw(mermaid: Mermaid, element: HTMLElement): Promise<void> {
    const source = element.querySelector(`.${DIAGRAM_SOURCE_CLASS}`)?.textContent ?? '';
    try {
      const { svg } = await mermaid.render(`vs-diagram-${++this.#counter}`, source);
      element.innerHTML = svg;
      element.querySelector('svg')?.setAttribute('role', 'img');
      if (!element.querySelector('svg[aria-labelledby]'))
        element.querySelector('svg')?.setAttribute('aria-label', 'Diagramm');
      element.dataset.state = 'drawn';
    } catch (error) {
      showError(element, error instanceof Error ? error.message : String(error), source);
    }
  }
}

function showError(element: HTMLElement, message: string, source?: string): void {
  element.dataset.state = 'error';
  const box = document.createElement('div');
  box.className = 'vs-diagram-error';
  const title = document.createElement('strong');
  title.textContent = 'Diagramm kann nicht gezeichnet werden';
  const detail = document.createElement('pre');
  detail.textContent = message;
  box.append(title, detail);
  if (source !== undefined) {
    const code = document.createElement('pre');
    code.className = 'vs-diagram-error-source';
    code.textContent = source;
    box.append(code);
  }
  element.replaceChildren(box);
}
