import type { Deck } from '../../shared/deck';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { Diagrams } from './diagrams';
import type { SlidesView } from './slides';
import { el } from '../../browser/dom';

/** A phone held upright, or any window this narrow and tall, reads the deck as one page. */
const NARROW_PORTRAIT = '(max-width: 700px) and (orientation: portrait)';
/** The slide crossing this share of the window's height is the current one. */
const READING_LINE = 0.3;
const SCROLL_SETTLE_MS = 150;

/**
 * The reading view (L, and by itself on a narrow portrait screen): every slide one below the
 * other at a readable size, like a page, with the demos alive and the notes on request.
 * Steps of a slide show once, in their last state. The page scrolls to the current slide when
 * the deck moves (a key, or the lecturer in follow mode); scrolling makes the slide at the
 * reading line the current one.
 */
export class ReadingView implements Part {
  readonly #notes = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Notizen');
  readonly #leave = el('button', { type: 'button', title: 'Zurück zur Folienansicht (L)' }, 'Folienansicht');
  readonly #bar = el(
    'div',
    { class: 'vs-reading-bar', role: 'toolbar', 'aria-label': 'Leseansicht' },
    this.#notes,
    this.#leave,
  );
  readonly #query = matchMedia(NARROW_PORTRAIT);
  readonly #offs: (() => void)[] = [];
  #ownScroll = false;
  #settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly slides: SlidesView,
    private readonly diagrams: Diagrams,
  ) {
    root.append(this.#bar);
  }

  bind(): void {
    this.#notes.addEventListener('click', this.#onNotes);
    this.#leave.addEventListener('click', this.#onLeave);
    this.#query.addEventListener('change', this.#onQuery);
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    this.#offs.push(
      this.modes.on('change', ({ mode }) => mode === 'reading' && this.update()),
      this.navigation.on('change', ({ origin }) => origin !== 'reading' && this.#reveal()),
    );
    if (this.#query.matches && !this.modes.has('presenter')) this.modes.set('reading', true, 'init');
    this.update();
  }

  unbind(): void {
    this.#notes.removeEventListener('click', this.#onNotes);
    this.#leave.removeEventListener('click', this.#onLeave);
    this.#query.removeEventListener('change', this.#onQuery);
    window.removeEventListener('scroll', this.#onScroll);
    for (const off of this.#offs.splice(0)) off();
    clearTimeout(this.#settle);
  }

  update(): void {
    const on = this.modes.has('reading');
    this.root.classList.toggle('vs-reading-mode', on);
    this.#bar.hidden = !on;
    if (!on) return clearTimeout(this.#settle);
    this.slides.renderAll();
    for (const [index, slide] of this.deck.slides.entries()) {
      const container = this.slides.content(index)?.closest('.remark-slide-container');
      container?.classList.toggle('vs-reading-step', this.deck.slides[index + 1]?.continued === true);
      if (slide.diagrams > 0 && container) void this.diagrams.renderIn(container as HTMLElement);
    }
    this.#reveal();
  }

  /** Scrolls the current slide (its last step) to the top of the window. */
  #reveal(): void {
    if (!this.modes.has('reading')) return;
    let index = this.navigation.index;
    while (this.deck.slides[index + 1]?.continued) index++;
    const container = this.slides.content(index)?.closest('.remark-slide-container');
    if (!container) return;
    this.#ownScroll = true;
    container.scrollIntoView({ block: 'start', behavior: 'instant' });
    // A scroll to where the page already is fires no event: the flag must not outlive this task.
    setTimeout(() => (this.#ownScroll = false), SCROLL_SETTLE_MS);
  }

  /** After the reader stops scrolling, the slide at the reading line becomes the current one. */
  readonly #onScroll = (): void => {
    if (!this.modes.has('reading') || this.#ownScroll) return;
    clearTimeout(this.#settle);
    this.#settle = setTimeout(() => {
      if (!this.modes.has('reading')) return;
      const line = innerHeight * READING_LINE;
      for (const [index, slide] of this.deck.slides.entries()) {
        const container = this.slides.content(index)?.closest('.remark-slide-container');
        if (!container || container.classList.contains('vs-reading-step')) continue;
        const { top, bottom } = container.getBoundingClientRect();
        if (top <= line && bottom > line) {
          // The first step of a slide stands for it: moving there shows the slide as it begins.
          let first = index;
          while (this.deck.slides[first]?.continued && first > 0) first--;
          if (!this.#showsSlide(slide.number)) this.navigation.goTo(first, 'reading');
          return;
        }
      }
    }, SCROLL_SETTLE_MS);
  };

  #showsSlide(number: number): boolean {
    return this.navigation.slide.number === number;
  }

  readonly #onQuery = ({ matches }: MediaQueryListEvent): void => {
    if (!this.modes.has('presenter')) this.modes.set('reading', matches, 'init');
  };

  readonly #onNotes = (): void => {
    const on = !this.root.classList.contains('vs-reading-notes');
    this.root.classList.toggle('vs-reading-notes', on);
    this.#notes.setAttribute('aria-pressed', String(on));
  };

  readonly #onLeave = (): void => this.modes.set('reading', false);
}
