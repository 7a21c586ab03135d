import { el } from '../../browser/dom';
import { INK_COLORS, INK_WIDTHS, type InkColor } from '../../shared/ink';
import type { Ink } from '../model/ink';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { load, save } from '../storage';
import { inkSurface } from './ink-layer';
import type { SlidesView } from './slides';

const NO_PRINT_CLASS = 'vs-ink-no-print';

/**
 * The pen's toolbar (shown in pen mode): colours, widths, eraser, undo, clear, and whether the
 * strokes are printed. Printing with strokes draws each slide's strokes onto its page.
 */
export class InkTools implements Part {
  readonly #bar = el('div', { class: 'vs-ink-tools', role: 'toolbar', 'aria-label': 'Stift', hidden: true });
  readonly #print = el('input', { type: 'checkbox' });
  readonly #offs: (() => void)[] = [];
  readonly #printed: Element[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly deckId: string,
    private readonly slides: SlidesView,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly ink: Ink,
    private readonly canvas: { width: number; height: number },
  ) {
    const colours = Object.entries(INK_COLORS).map(([color, name]) =>
      this.#button(
        el('span', { class: 'vs-ink-swatch', style: `background: ${color}` }),
        `Farbe ${name}`,
        () => ink.choose({ color: color as InkColor, tool: 'pen' }),
        { color },
      ),
    );
    const widths = Object.entries(INK_WIDTHS).map(([width, name]) =>
      this.#button(name, `Strichbreite ${name}`, () => ink.choose({ width: Number(width), tool: 'pen' }), { width }),
    );
    this.#bar.append(
      ...colours,
      ...widths,
      this.#button(
        'Radierer (E)',
        'Radierer: entfernt ganze Striche',
        () => ink.choose({ tool: ink.tool === 'eraser' ? 'pen' : 'eraser' }),
        { tool: 'eraser' },
      ),
      this.#button('Rückgängig (U)', 'Letzten Schritt auf dieser Folie zurücknehmen', () => ink.undo(navigation.index)),
      this.#button('Löschen (Entf)', 'Alle Striche dieser Folie löschen', () => ink.clear(navigation.index)),
      el('label', {}, this.#print, 'Striche drucken'),
      this.#button('Fertig (D)', 'Stift ausschalten', () => modes.set('pen', false)),
    );
    this.#print.checked = load('session', this.#printKey) === 'on';
    this.#print.addEventListener('change', () => {
      save('session', this.#printKey, this.#print.checked ? 'on' : 'off');
      this.#showPrint();
    });
  }

  get #printKey(): string {
    return `vs-ink-print:${this.deckId}`;
  }

  bind(): void {
    this.root.append(this.#bar);
    this.#offs.push(
      this.modes.on('change', ({ mode }) => mode === 'pen' && this.update()),
      this.ink.on('tools', () => this.update()),
    );
    window.addEventListener('beforeprint', this.#onBeforePrint);
    window.addEventListener('afterprint', this.#onAfterPrint);
    this.#showPrint();
    this.update();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    window.removeEventListener('beforeprint', this.#onBeforePrint);
    window.removeEventListener('afterprint', this.#onAfterPrint);
    this.#bar.remove();
  }

  update(): void {
    this.#bar.hidden = !this.modes.has('pen');
    for (const button of this.#bar.querySelectorAll<HTMLButtonElement>('button[data-color], button[data-width]')) {
      const { color, width } = button.dataset;
      const chosen = color ? color === this.ink.color : Number(width) === this.ink.width;
      button.setAttribute('aria-pressed', String(chosen && this.ink.tool === 'pen'));
    }
    this.#bar.querySelector('[data-tool]')?.setAttribute('aria-pressed', String(this.ink.tool === 'eraser'));
  }

  #showPrint(): void {
    this.root.classList.toggle(NO_PRINT_CLASS, !this.#print.checked);
  }

  /** The current slide has its strokes already; every other slide with strokes gets a copy for print. */
  readonly #onBeforePrint = (): void => {
    if (!this.#print.checked) return;
    for (const index of this.ink.indices()) {
      if (index === this.navigation.index) continue;
      const slide = this.slides.content(index)?.closest('.remark-slide');
      const surface = inkSurface(this.canvas, this.ink.strokes(index));
      slide?.append(surface);
      this.#printed.push(surface);
    }
  };

  readonly #onAfterPrint = (): void => {
    for (const surface of this.#printed.splice(0)) surface.remove();
  };

  #button(
    content: string | Node,
    label: string,
    onClick: () => void,
    data: Record<string, string> = {},
  ): HTMLButtonElement {
    const attributes = Object.fromEntries(Object.entries(data).map(([key, value]) => [`data-${key}`, value]));
    const button = el('button', { type: 'button', title: label, 'aria-label': label, ...attributes }, content);
    button.addEventListener('click', onClick);
    return button;
  }
}
