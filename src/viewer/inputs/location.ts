import { onHashChange, readHash, writeHash } from '../../browser/hash';
import type { Deck } from '../../shared/deck';
import { formatHash, parseHash } from '../model/hash';
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
  /** The hash when the first of the moves still to be written was made. */
  #seen: string | undefined;

  constructor(
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly unknown: (hash: string) => void = () => undefined,
  ) {}

  bind(): void {
    if (!parseHash(readHash(), this.deck).known) this.#correct(readHash());
    this.#offs.push(
      onHashChange(this.#onHashChange),
      this.navigation.on('change', () => this.#schedule()),
      this.modes.on('change', ({ mode }) => mode === 'presenter' && this.#schedule()),
    );
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#cancel();
  }

  /**
   * `replaceState` costs a round trip to the browser process (and Chromium throttles it), so the
   * URL is written once the deck has rested for a moment, once for all moves that came in between:
   * never while someone is stepping through the slides.
   */
  #schedule(): void {
    clearTimeout(this.#pending);
    const seen = (this.#seen ??= readHash());
    this.#pending = setTimeout(() => {
      this.#cancel();
      // A hash set meanwhile (by hand or a link) is about to arrive as `hashchange`: let it win.
      if (readHash() === seen) this.update();
    }, URL_DELAY_MS);
  }

  #cancel(): void {
    clearTimeout(this.#pending);
    this.#pending = undefined;
    this.#seen = undefined;
  }

  update(): void {
    const hash = formatHash({ index: this.navigation.index, presenter: this.modes.has('presenter') });
    if (readHash() !== hash) writeHash(hash);
  }

  /** The hash wins over a write still pending from an earlier move; moves after it schedule anew. */
  readonly #onHashChange = (hash: string): void => {
    this.#cancel();
    const target = parseHash(hash, this.deck);
    if (!target.known) return this.#correct(hash);
    this.modes.set('presenter', target.presenter, 'location');
    this.navigation.goTo(target.index, 'location');
    this.update();
  };

  #correct(hash: string): void {
    this.unknown(hash);
    this.update();
  }
}
