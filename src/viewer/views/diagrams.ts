import type { Mermaid, MermaidConfig } from 'mermaid';
import { DIAGRAM_CLASS, DIAGRAM_SOURCE_CLASS } from '../../shared/deck';
import { afterNextPaint, afterPaint } from '../after-paint';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { SlidesView } from './slides';
import { el } from '../../browser/dom';
import { currentTheme, followTheme, type Theme } from '../../browser/theme';

/**
 * The figure style of `media/README.md`: service boxes blue, notes and clusters in the
 * highlight and infrastructure colours, text #1c1c1c at 22 px, arrows #333. Line widths and
 * arrowheads are set by slide.css and `#drawn`, which mermaid's theme cannot reach.
 */
const LIGHT_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  suppressErrorRendering: true,
  theme: 'base',
  fontFamily: "'Source Sans 3', 'Segoe UI', Helvetica, Arial, sans-serif",
  fontSize: 22,
  flowchart: { padding: 16, nodeSpacing: 50, rankSpacing: 60 },
  sequence: { actorFontSize: 22, messageFontSize: 22, noteFontSize: 22, mirrorActors: false },
  themeVariables: {
    fontSize: '22px',
    background: '#ffffff',
    primaryColor: '#e3edfb',
    primaryBorderColor: '#1a5fb4',
    primaryTextColor: '#1c1c1c',
    lineColor: '#333333',
    textColor: '#1c1c1c',
    secondaryColor: '#e4f3e8',
    secondaryBorderColor: '#1e7b34',
    tertiaryColor: '#fdf0d5',
    tertiaryBorderColor: '#b34700',
    edgeLabelBackground: '#ffffff',
    clusterBkg: '#f7f9fc',
    clusterBorder: '#1a5fb4',
    actorBkg: '#e3edfb',
    actorBorder: '#1a5fb4',
    actorTextColor: '#1c1c1c',
    actorLineColor: '#4a4a4a',
    signalColor: '#333333',
    signalTextColor: '#1c1c1c',
    noteBkgColor: '#fff4b3',
    noteBorderColor: '#8a6d00',
    noteTextColor: '#1c1c1c',
    labelBoxBkgColor: '#e4f3e8',
    labelBoxBorderColor: '#1e7b34',
    activationBkgColor: '#e3edfb',
    activationBorderColor: '#1a5fb4',
  },
} satisfies MermaidConfig;

/** The same style in the dark design: dark fills, light strokes and text (the simulation colours). */
const DARK_CONFIG = {
  ...LIGHT_CONFIG,
  themeVariables: {
    ...LIGHT_CONFIG.themeVariables,
    darkMode: true,
    background: '#1c1c1c',
    primaryColor: '#1b3150',
    primaryBorderColor: '#6fa8ee',
    primaryTextColor: '#e8e8e8',
    lineColor: '#bfbfbf',
    textColor: '#e8e8e8',
    secondaryColor: '#173a20',
    secondaryBorderColor: '#6cc784',
    tertiaryColor: '#45300f',
    tertiaryBorderColor: '#f29c55',
    edgeLabelBackground: '#1c1c1c',
    clusterBkg: '#232830',
    clusterBorder: '#6fa8ee',
    actorBkg: '#1b3150',
    actorBorder: '#6fa8ee',
    actorTextColor: '#e8e8e8',
    actorLineColor: '#b8b8b8',
    signalColor: '#bfbfbf',
    signalTextColor: '#e8e8e8',
    noteBkgColor: '#463c00',
    noteBorderColor: '#e3c443',
    noteTextColor: '#e8e8e8',
    labelBoxBkgColor: '#173a20',
    labelBoxBorderColor: '#6cc784',
    activationBkgColor: '#1b3150',
    activationBorderColor: '#6fa8ee',
  },
} satisfies MermaidConfig;

/** mermaid draws 8 px arrowheads for 1 px lines; the house style has filled heads for 3 px lines. */
const ARROWHEAD_SCALE = 1.75;
/** Never drawn so small that its 22 px text falls under 20 px on the slide. */
const MIN_SCALE = 20 / 22;
/** A small diagram grows to use the slide, but not into a poster. */
const MAX_SCALE = 1.6;

/** The design diagrams are drawn in: the page's, unless the deck stays light. */
function diagramTheme(): Theme {
  return document.documentElement.dataset.deckTheme === 'light' ? 'light' : currentTheme();
}

/**
 * Draws the mermaid diagrams of the slides about to be shown (current and neighbours), after
 * the slide a move leads to has been painted. Mermaid is downloaded the first time a diagram is
 * needed, and never before the first slide has been painted; a diagram that does not parse
 * becomes an error box on its slide. When the design changes, the drawn diagrams are drawn
 * again in its colours.
 */
export class Diagrams implements Part {
  #mermaid: Promise<Mermaid> | undefined;
  #counter = 0;
  #painted = false;
  #off: (() => void) | undefined;
  #theme = diagramTheme();
  #printing = false;
  /** The mermaid source of each diagram, which drawing replaces. */
  readonly #sources = new WeakMap<HTMLElement, string>();

  constructor(
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
  ) {}

  bind(): void {
    const draw = afterNextPaint(() => this.update());
    this.#off = this.navigation.on('change', () => {
      this.#fitCurrent();
      draw();
    });
    afterPaint(() => {
      this.#painted = true;
      this.update();
    });
    followTheme(() => void this.#redraw());
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
    this.#fitCurrent();
  }

  /** A diagram drawn while its slide was not laid out yet is sized in the frame its slide shows. */
  #fitCurrent(): void {
    if (!this.#painted) return;
    for (const element of this.slides
      .content(this.navigation.index)
      ?.querySelectorAll<HTMLElement>(`.${DIAGRAM_CLASS}[data-state="drawn"]:not([data-fitted])`) ?? []) {
      const svg = element.querySelector('svg');
      if (svg) fit(element, svg);
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
      mermaid.initialize(this.#theme === 'dark' ? DARK_CONFIG : LIGHT_CONFIG);
      return mermaid;
    });
    return this.#mermaid;
  }

  /** Paper is light: while `on`, diagrams are drawn in the light design. */
  async setPrinting(on: boolean): Promise<void> {
    this.#printing = on;
    await this.#redraw();
  }

  /** Draws every diagram drawn so far again, in the design now in effect; each keeps its old drawing until then. */
  async #redraw(): Promise<void> {
    const theme = this.#printing ? 'light' : diagramTheme();
    if (theme === this.#theme) return;
    this.#theme = theme;
    if (!this.#mermaid) return;
    const mermaid = await this.#mermaid;
    mermaid.initialize(theme === 'dark' ? DARK_CONFIG : LIGHT_CONFIG);
    const drawn = [...document.querySelectorAll<HTMLElement>(`.${DIAGRAM_CLASS}[data-state="drawn"]`)];
    for (const element of drawn) {
      delete element.dataset.fitted;
      await this.#draw(mermaid, element);
    }
  }

  async #draw(mermaid: Mermaid, element: HTMLElement): Promise<void> {
    const source = this.#sources.get(element) ?? element.querySelector(`.${DIAGRAM_SOURCE_CLASS}`)?.textContent ?? '';
    this.#sources.set(element, source);
    try {
      const { svg } = await mermaid.render(`vs-diagram-${++this.#counter}`, source);
      element.innerHTML = svg;
      const drawing = element.querySelector('svg');
      if (drawing) drawn(element, drawing);
      element.dataset.state = 'drawn';
    } catch (error) {
      showError(element, error instanceof Error ? error.message : String(error), source);
    }
  }
}

/** Accessible name, house arrowheads, and a size that uses the room left on the slide. */
function drawn(element: HTMLElement, svg: SVGSVGElement): void {
  svg.setAttribute('role', 'img');
  if (!svg.hasAttribute('aria-labelledby')) {
    svg.setAttribute('aria-label', element.closest('figure')?.querySelector('figcaption')?.textContent ?? 'Diagramm');
  }
  for (const marker of svg.querySelectorAll('marker')) {
    for (const name of ['markerWidth', 'markerHeight']) {
      const value = Number(marker.getAttribute(name));
      if (value > 0) marker.setAttribute(name, String(value * ARROWHEAD_SCALE));
    }
  }
  fit(element, svg);
}

/**
 * Sizes the drawing to the width of the slide and the height left below and above the rest of
 * its content. Measured in the slide's own pixels (offsets ignore the scaling transform);
 * a copy that is not laid out (display: none) keeps mermaid's own size.
 */
function fit(element: HTMLElement, svg: SVGSVGElement): void {
  const { width, height } = svg.viewBox.baseVal;
  const content = element.closest<HTMLElement>('.remark-slide-content');
  const slide = content?.parentElement;
  if (!content || !slide || width === 0 || height === 0 || element.offsetWidth === 0) return;
  // The reading view is a page: there the drawing just takes the width (CSS).
  if (element.closest('.vs-reading-mode')) return;
  element.dataset.fitted = '';
  svg.style.maxWidth = 'none';
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const end = el('div');
  content.append(end);
  const room = slide.offsetHeight - parseFloat(getComputedStyle(content).paddingBottom) - end.offsetTop;
  end.remove();
  const scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, element.clientWidth / width, (height + room) / height));
  svg.setAttribute('width', String(Math.round(width * scale)));
  svg.setAttribute('height', String(Math.round(height * scale)));
}

function showError(element: HTMLElement, message: string, source?: string): void {
  element.dataset.state = 'error';
  element.replaceChildren(
    el(
      'div',
      { class: 'vs-diagram-error' },
      el('strong', {}, 'Diagramm kann nicht gezeichnet werden'),
      el('pre', {}, message),
      source !== undefined && el('pre', { class: 'vs-diagram-error-source' }, source),
    ),
  );
}
