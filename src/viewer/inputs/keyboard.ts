import { KeyMap, type Command } from '../model/keymap';
import type { Modes } from '../model/modes';
import type { Part } from '../part';
import { inEditable, onInteractive } from './targets';

/**
 * Keys (and presentation clickers, which send keys) move the deck. While the overview or
 * the help is open, only the keys that close it are taken; the dialog handles the rest.
 */
export class Keyboard implements Part {
  readonly #keys = new KeyMap();

  constructor(
    private readonly modes: Modes,
    private readonly run: (command: Command) => void,
  ) {}

  bind(): void {
    document.addEventListener('keydown', this.#onKey);
  }

  unbind(): void {
    document.removeEventListener('keydown', this.#onKey);
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || inEditable(event)) return;
    if ((event.key === ' ' || event.key === 'Enter') && onInteractive(event)) return;
    const command = this.#keys.command(event);
    if (!command || !this.#allowed(command)) return;
    event.preventDefault();
    this.run(command);
  };

  #allowed(command: Command): boolean {
    const dialog = this.modes.dialog;
    return !dialog || command.kind === 'escape' || command.kind === dialog;
  }
}
