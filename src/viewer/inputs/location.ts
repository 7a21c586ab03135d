import type { Deck } from '../../shared/deck';
import { decoded, formatHash, parseHash } from '../model/hash';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';

const URL_DELAY_MS = 300;

/**
 * The URL hash follows the slide (`#12`, `#p12` in presenter view) by replacing the history
 * entry, so Back leaves the deck; editing the hash by hand moves the deck. A hash that names
 * no slide is reported to `unknown` and replaced by the slide shown (the first one on load,
 * the current one later).
 */
export class LocationInput implements Part {
  readonly #offs: (() => void)[] = [];
  #pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly unknown: (hash: string) => void = () => undefined,
  ) {}

  bind(): void {
    window.addEventListener('hashchange', this.#onHashChange);
    if (!parseHash(location.hash, this.deck).known) this.#correct();
    this.#offs.push(
      this.navigation.on('change', () => this.#schedule()),
      this.modes.on('change', ({ mode }) => mode === 'presenter' && this.#schedule()),
    );
  }

  unbind(): void {
    window.removeEventListener('hashchange', this.#onHashChange);
    for (const off of this.#offs.splice(0)) off();
    this.#cancel();
  }

  /**
   * `replaceState` costs a round trip to the browser process (and Chromium throttles it), so
   * the URL is written a moment after a move, once for all moves that came in between, and
   * never in the way of painting the next slide.
   */
  #schedule(): void {
    if (this.#pending !== undefined) return;
    const seen = location.hash;
    this.#pending = setTimeout(() => {
      this.#pending = undefined;
      // A hash set meanwhile (by hand or a link) is about to arrive as `hashchange`: let it win.
      if (location.hash === seen) this.update();
    }, URL_DELAY_MS);
  }

  #cancel(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
  }

  update(): void {
    const hash = formatHash({ index: this.navigation.index, presenter: this.modes.has('presenter') });
    if (location.hash === hash) return;
    try {
      history.replaceState(history.state, '', hash);
    } catch {
      // Documents with an opaque origin (some file:// pages) refuse replaceState.
      location.replace(hash);
    }
  }

  /** The hash wins over a write still pending from an earlier move; moves after it schedule anew. */
  readonly #onHashChange = (): void => {
    this.#cancel();
    const target = parseHash(location.hash, this.deck);
    if (!target.known) return this.#correct();
    this.modes.set('presenter', target.presenter, 'location');
    this.navigation.goTo(target.index, 'location');
    this.update();
  };

  #correct(): void {
    this.unknown(decoded(location.hash));
    this.update();
  }
}
