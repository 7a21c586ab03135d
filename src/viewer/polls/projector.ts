import './polls.css';
import type { CloneSync } from '../inputs/sync';
import type { Part } from '../part';
import { el } from '../../browser/dom';
import { asPollView, histogram, promptBlock, solutionBlock } from './poll-view';

/**
 * The projector's side of a poll (the cloned window): once the lecturer shows the results,
 * the histogram covers the slide, with the answer once revealed; putting the poll away shows
 * the slide again.
 */
export class PollProjector implements Part {
  readonly #panel = el('section', { class: 'vs-poll vs-poll-projector' });
  #off: (() => void) | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly sync: CloneSync,
  ) {
    this.#panel.setAttribute('aria-label', 'Ergebnis der Abstimmung');
    this.#panel.setAttribute('aria-live', 'polite');
  }

  bind(): void {
    this.#off = this.sync.on('poll', (data) => {
      const view = asPollView(data);
      if (view === undefined) return;
      if (!view?.shown || !view.results) {
        this.#panel.remove();
        return;
      }
      const title = el('h2', { class: 'vs-poll-title' });
      title.textContent = view.status === 'open' ? 'Abstimmung läuft' : 'Ergebnis der Abstimmung';
      this.#panel.replaceChildren(title, promptBlock(view), histogram(view), solutionBlock(view));
      if (!this.#panel.isConnected) this.root.append(this.#panel);
    });
  }

  unbind(): void {
    this.#off?.();
    this.#panel.remove();
  }
}
