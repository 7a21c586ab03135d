import type { Mode, Modes } from '../model/modes';
import type { Part } from '../part';
import { el } from '../../browser/dom';

export interface DialogContent {
  /** Fills the dialog once, before it is first shown. */
  fill(dialog: HTMLDialogElement): void;
  /** Called each time the dialog opens; returns the element to focus. */
  opened(dialog: HTMLDialogElement): HTMLElement | null;
}

/**
 * A modal `<dialog>` that follows one mode (overview, help): the mode switched on shows it
 * and moves focus in; closing it by any way switches the mode off and gives focus back to
 * where it was, or to the current slide.
 */
export class ModeDialog implements Part {
  readonly dialog = el('dialog');
  #filled = false;
  #returnTo: Element | null = null;
  #off: (() => void) | undefined;
  readonly #onClose = (): void => this.modes.set(this.mode, false);
  /** Esc: the mode goes off at once; the browser's close event would come a task later, after a quick next key. */
  readonly #onCancel = (event: Event): void => {
    event.preventDefault();
    this.modes.set(this.mode, false);
  };

  constructor(
    root: HTMLElement,
    private readonly modes: Modes,
    private readonly mode: Mode,
    private readonly content: DialogContent,
    private readonly fallbackFocus: () => HTMLElement,
  ) {
    this.dialog.className = `vs-dialog vs-dialog-${mode}`;
    root.append(this.dialog);
  }

  bind(): void {
    this.dialog.addEventListener('close', this.#onClose);
    this.dialog.addEventListener('cancel', this.#onCancel);
    this.#off = this.modes.on('change', ({ mode }) => mode === this.mode && this.update());
    this.update();
  }

  unbind(): void {
    this.dialog.removeEventListener('close', this.#onClose);
    this.dialog.removeEventListener('cancel', this.#onCancel);
    this.#off?.();
  }

  update(): void {
    const on = this.modes.has(this.mode);
    if (on && !this.dialog.open) {
      this.#returnTo = document.activeElement;
      if (!this.#filled) this.content.fill(this.dialog);
      this.#filled = true;
      this.dialog.showModal();
      this.content.opened(this.dialog)?.focus();
    } else if (!on && this.dialog.open) {
      this.dialog.close();
      const target =
        this.#returnTo instanceof HTMLElement && this.#returnTo.isConnected && this.#returnTo !== document.body
          ? this.#returnTo
          : this.fallbackFocus();
      target.focus({ preventScroll: true });
    }
  }
}

/** The heading and close button every dialog starts with. */
export function dialogHeader(dialog: HTMLDialogElement, title: string): HTMLButtonElement {
  const id = `${dialog.className.split(' ').at(-1)}-title`;
  dialog.setAttribute('aria-labelledby', id);
  const close = el('button', { type: 'button', class: 'vs-dialog-close' }, 'Schließen');
  close.addEventListener('click', () => dialog.close());
  dialog.append(el('div', { class: 'vs-dialog-header' }, el('h2', { id }, title), close));
  return close;
}
