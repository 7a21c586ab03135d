import { afterNextPaint } from '../after-paint';
import type { Command } from '../model/keymap';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { el } from '../../browser/dom';

/** Mouse still for this long: the buttons fade out. */
const IDLE_MS = 2500;

/**
 * Discreet previous / next / overview buttons for mouse users. They show while the mouse moves
 * and fade out when it rests; Tab reaches them at any time (focus shows them). Never on the
 * projector's clone window, in print, blackout, the presenter or the reading view (CSS).
 */
export class NavButtons implements Part {
  readonly #previous = button('‹', 'Vorherige Folie');
  readonly #next = button('›', 'Nächste Folie');
  readonly #overview = button('▦', 'Folienübersicht');
  readonly #bar = el(
    'nav',
    { class: 'vs-nav vs-nav-idle', 'aria-label': 'Folien blättern' },
    this.#previous,
    this.#overview,
    this.#next,
  );
  readonly #offs: (() => void)[] = [];
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly run: (command: Command) => void,
  ) {
    // The window the projector shows (opened with C from the presenter's window) has no buttons.
    if (!window.opener) root.append(this.#bar);
  }

  bind(): void {
    this.#previous.addEventListener('click', this.#onPrevious);
    this.#next.addEventListener('click', this.#onNext);
    this.#overview.addEventListener('click', this.#onOverview);
    document.addEventListener('pointermove', this.#onPointer);
    this.#offs.push(
      this.navigation.on(
        'change',
        afterNextPaint(() => this.update()),
      ),
    );
    this.update();
  }

  unbind(): void {
    this.#previous.removeEventListener('click', this.#onPrevious);
    this.#next.removeEventListener('click', this.#onNext);
    this.#overview.removeEventListener('click', this.#onOverview);
    document.removeEventListener('pointermove', this.#onPointer);
    for (const off of this.#offs.splice(0)) off();
    clearTimeout(this.#idle);
  }

  update(): void {
    const { index, count } = this.navigation;
    this.#previous.disabled = index === 0;
    this.#next.disabled = index === count - 1;
  }

  readonly #onPrevious = (): void => this.run({ kind: 'previous' });
  readonly #onNext = (): void => this.run({ kind: 'next' });
  readonly #onOverview = (): void => this.modes.set('overview', true);

  readonly #onPointer = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    this.#bar.classList.remove('vs-nav-idle');
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => this.#bar.classList.add('vs-nav-idle'), IDLE_MS);
  };
}

function button(text: string, label: string): HTMLButtonElement {
  return el('button', { type: 'button', 'aria-label': label, title: label }, text);
}
