import type { Mode, Modes } from '../model/modes';
import type { Part } from '../part';
import { el } from '../../browser/dom';

/** remark.js's mode classes on `.remark-container` (themes style them), plus the blackout cover. */
const CLASS: Record<Mode, string> = {
  presenter: 'remark-presenter-mode',
  help: 'remark-help-mode',
  blackout: 'remark-blackout-mode',
  mirrored: 'remark-mirrored-mode',
  overview: 'vs-overview-mode',
  search: 'vs-search-mode',
  reading: 'vs-reading-mode',
  pen: 'vs-pen-mode',
  laser: 'vs-laser-mode',
};

export class ModeClasses implements Part {
  #off: (() => void) | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly modes: Modes,
  ) {
    root.append(el('div', { class: 'remark-backdrop' }));
  }

  bind(): void {
    this.update();
    this.#off = this.modes.on('change', () => this.update());
  }

  unbind(): void {
    this.#off?.();
  }

  update(): void {
    for (const [mode, name] of Object.entries(CLASS) as [Mode, string][]) {
      this.root.classList.toggle(name, this.modes.has(mode));
    }
  }
}
