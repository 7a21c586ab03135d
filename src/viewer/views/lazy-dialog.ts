import type { Mode, Modes } from '../model/modes';
import type { Part } from '../part';
import { ModeDialog, type DialogContent } from './mode-dialog';

/**
 * A ModeDialog whose content is loaded the first time its mode goes on, so that a deck page
 * that never opens it does not carry its code. What is typed while it loads is not lost: it
 * goes into the field the dialog focuses when it opens (Enter too).
 */
export class LazyDialog implements Part {
  #dialog: ModeDialog | undefined;
  #loading = false;
  #off: (() => void) | undefined;
  #typed = '';
  #enter = false;

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
      document.addEventListener('keydown', this.#onTyped);
      void this.load().then((content) => {
        document.removeEventListener('keydown', this.#onTyped);
        this.#dialog = new ModeDialog(this.root, this.modes, this.mode, content, this.fallbackFocus);
        this.#dialog.bind();
        this.#replay();
      });
    });
  }

  unbind(): void {
    this.#off?.();
    document.removeEventListener('keydown', this.#onTyped);
    this.#dialog?.unbind();
  }

  readonly #onTyped = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !this.modes.has(this.mode)) return;
    if (event.key.length === 1) this.#typed += event.key;
    else if (event.key === 'Backspace') this.#typed = this.#typed.slice(0, -1);
    else if (event.key === 'Enter') this.#enter = true;
    else return;
    event.preventDefault();
  };

  /** Hands what was typed while loading to the focused field, as if it had been typed there. */
  #replay(): void {
    const field = document.activeElement;
    const typed = this.#typed;
    const enter = this.#enter;
    this.#typed = '';
    this.#enter = false;
    if (!this.modes.has(this.mode) || !(field instanceof HTMLInputElement)) return;
    if (typed) {
      field.value += typed;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (enter) field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  }
}
