import type { Modes } from '../model/modes';
import type { Part } from '../part';
import type { Diagrams } from './diagrams';
import type { SlidesView } from './slides';
import { el } from '../../browser/dom';

/** `?print` (or `?print=notes`) prepares the page for printing and then marks `<html data-print="ready">`. */
const PRINT_PARAM = 'print';
const NOTES_CLASS = 'vs-print-notes';
/** With notes, a page is a portrait sheet (1 : √2) with the slide on top and its notes below. */
const NOTES_PAGE_RATIO = Math.SQRT2;

/**
 * Printing: every slide (each step too) on its own page at the slide's size, diagrams drawn,
 * optionally with the notes under each slide (printing from the presenter view, as in
 * remark.js, or `?print=notes`). Ctrl/Cmd+P draws the diagrams before the dialog opens;
 * printing from the browser menu prints whatever is drawn by then.
 */
export class PrintView implements Part {
  readonly #pageStyle = el('style');
  /** Set by `?print`: whether notes are printed, whatever the mode. */
  #notesByUrl: boolean | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly canvas: { width: number; height: number },
    private readonly slides: SlidesView,
    private readonly diagrams: Diagrams,
    private readonly modes: Modes,
  ) {
    document.head.append(this.#pageStyle);
  }

  bind(): void {
    window.addEventListener('beforeprint', this.#onBeforePrint);
    const param = new URL(location.href).searchParams.get(PRINT_PARAM);
    if (param !== null) {
      this.#notesByUrl = param === 'notes';
      void this.prepare(this.#notesByUrl).then(() => {
        document.documentElement.dataset.print = 'ready';
      });
    }
  }

  unbind(): void {
    window.removeEventListener('beforeprint', this.#onBeforePrint);
  }

  /** Builds every slide, draws every diagram and sets the page size. */
  async prepare(notes: boolean): Promise<void> {
    this.#layout(notes);
    const contents = this.#allContents();
    await this.diagrams.setPrinting(true);
    await Promise.all(contents.map((content) => this.diagrams.renderIn(content)));
  }

  async print(): Promise<void> {
    await this.prepare(this.#withNotes());
    window.print();
    if (this.#notesByUrl === undefined) await this.diagrams.setPrinting(false);
  }

  readonly #onBeforePrint = (): void => {
    this.#layout(this.#withNotes());
    this.#allContents();
  };

  #withNotes(): boolean {
    return this.#notesByUrl ?? this.modes.has('presenter');
  }

  #allContents(): HTMLElement[] {
    this.slides.renderAll();
    return [...this.slides.area.querySelectorAll<HTMLElement>('.remark-slide-content')];
  }

  #layout(notes: boolean): void {
    const { width, height } = this.canvas;
    const pageHeight = notes ? Math.round(width * NOTES_PAGE_RATIO) : height;
    this.root.classList.toggle(NOTES_CLASS, notes);
    this.root.style.setProperty('--vs-page-height', `${pageHeight}px`);
    this.#pageStyle.textContent = `@page { size: ${width}px ${pageHeight}px; margin: 0; }`;
  }
}
