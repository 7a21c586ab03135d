import { Emitter } from '../../browser/emitter';
import type { Origin } from './navigation';

/** Ways of showing the deck that can be switched on and off independently of the slide. */
export type Mode = 'presenter' | 'overview' | 'help' | 'search' | 'blackout' | 'mirrored' | 'reading' | 'pen' | 'laser';

export interface ModeChange {
  mode: Mode;
  on: boolean;
  origin: Origin;
}

/** Modes of which at most one can be on: opening one closes the others. */
const DIALOGS: readonly Mode[] = ['overview', 'help', 'search'];

export class Modes extends Emitter<{ change: ModeChange }> {
  readonly #on = new Set<Mode>();

  has(mode: Mode): boolean {
    return this.#on.has(mode);
  }

  /** The open dialog (overview, help or search), if any. */
  get dialog(): Mode | undefined {
    return DIALOGS.find((mode) => this.#on.has(mode));
  }

  set(mode: Mode, on: boolean, origin: Origin = 'user'): void {
    if (this.#on.has(mode) === on) return;
    if (on && DIALOGS.includes(mode)) {
      for (const other of DIALOGS) if (other !== mode) this.set(other, false, origin);
    }
    if (on) this.#on.add(mode);
    else this.#on.delete(mode);
    this.emit('change', { mode, on, origin });
  }

  toggle(mode: Mode, origin: Origin = 'user'): void {
    this.set(mode, !this.#on.has(mode), origin);
  }
}
