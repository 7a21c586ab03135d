import type { Mode, Modes } from '../model/modes';
import type { Part } from '../part';
import { ModeDialog, type DialogContent } from './mode-dialog';

/**
 * A ModeDialog whose content is loaded the first time its mode goes on, so that a deck page
 * that never opens it does not carry its code.
 */
export class LazyDialog implements Part {
  #dialog: ModeDialog | undefined;
  #loading = false;
  #off: (() => void) | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly modes: Modes,
    private readonly mode: Mode,
    private readonly load: () => Promise<DialogContent>,
    private readonly fallbackFocus: () => HTMLElement,
  ) {}

  bind(): void {
    this.#off = this.modes.on('change', ({ mode, on }) => {
      if (mode !== this.mode || !on || this.#loading) return;
      this.#loading = true;
      void this.load().then((content) => {
        this.#dialog = new ModeDialog(this.root, this.modes, this.mode, content, this.fallbackFocus);
        this.#dialog.bind();
      });
    });
  }

  unbind(): void {
    this.#off?.();
    this.#dialog?.unbind();
  }
}
