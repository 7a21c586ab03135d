import './polls.css';
import type { CloneSync } from '../inputs/sync';
import type { Part } from '../part';
import { el } from '../../browser/dom';
import { asHall } from './hall';
import { asPollView, histogram, promptBlock, solutionBlock } from './poll-view';

/**
 * The projector's side of a poll (the cloned window): once the lecturer shows the results,
 * the histogram covers the slide, with the answer once revealed; putting the poll away shows
 * the slide again. A question from the hall that the lecturer shows to the room stands in a
 * band at the bottom until it is answered or no longer shown.
 */
export class PollProjector implements Part {
  readonly #panel = el('section', { class: 'vs-poll vs-poll-projector' });
  readonly #hall = el('section', {
    class: 'vs-hall-projector',
    'aria-label': 'Frage aus dem Saal',
    'aria-live': 'polite',
  });
  readonly #offs: (() => void)[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly sync: CloneSync,
  ) {
    this.#panel.setAttribute('aria-label', 'Ergebnis der Abstimmung');
    this.#panel.setAttribute('aria-live', 'polite');
  }

  bind(): void {
    this.#offs.push(
      this.sync.on('poll', (data) => this.#showPoll(data)),
      this.sync.on('hall', (data) => this.#showHall(data)),
    );
  }

  #showHall(data: unknown): void {
    const question = asHall(data)?.[0];
    if (!question) {
      this.#hall.remove();
      return;
    }
    this.#hall.replaceChildren(
      el('h2', { class: 'vs-hall-projector-title' }, 'Frage aus dem Saal'),
      el('p', { class: 'vs-hall-projector-text' }, question.text),
    );
    if (!this.#hall.isConnected) this.root.append(this.#hall);
  }

  #showPoll(data: unknown): void {
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
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#panel.remove();
    this.#hall.remove();
  }
}
