import './polls.css';
import type { Deck } from '../../shared/deck';
import {
  answerIsRight,
  MAX_WORD_LENGTH,
  parseReviews,
  pollPath,
  POLL_REVIEWS_KEY,
  voteUrl,
  type PollAnswer,
  type PollView,
  type StoredVote,
} from '../../shared/polls';
import { formatDecimal, parseDecimal } from '../../shared/quiz';
import type { Follower } from '../follow/follower';
import type { Part } from '../part';
import { load, save } from '../storage';
import { compiled, el } from '../../browser/dom';
import { deviceId } from './device';
import { asPollView, histogram, letter, promptBlock, solutionBlock } from './poll-view';

/**
 * A student's side of a poll, in follow mode: the open poll appears over the slide (a sheet
 * on a phone), with one form control per choice, steps with move buttons, a word or a number field. The
 * vote counts once the server says it is stored; it can be changed until the poll closes.
 * Results and the answer appear when the lecturer shows them.
 */
export class PollVoter implements Part {
  readonly #panel = el('section', { class: 'vs-poll vs-poll-voter' });
  readonly #status = el('p', { class: 'vs-poll-status' });
  readonly #offs: (() => void)[] = [];
  #view: PollView | null = null;
  /** The answer the server stored for this device, for the current poll. */
  #stored: PollAnswer | undefined;
  #form: HTMLFormElement | undefined;
  #order: string[] = [];
  #sending = false;
  /** Poll events received so far: tells a fetched poll that is already out of date. */
  #events = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly follower: Follower,
  ) {
    this.#panel.setAttribute('aria-labelledby', 'vs-poll-voter-title');
    // The sheet scrolls on a small phone, also once its controls are disabled.
    this.#panel.tabIndex = 0;
    this.#status.setAttribute('role', 'status');
  }

  bind(): void {
    this.#offs.push(
      this.follower.on('poll', (data) => {
        this.#events += 1;
        const view = asPollView(data);
        if (view !== undefined) void this.#show(view);
      }),
      this.follower.on('connected', () => void this.#refresh()),
      this.follower.on('stopped', () => void this.#show(null)),
    );
    // Loaded once the stream connected: the poll that is open now.
    void this.#refresh();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#panel.remove();
  }

  /** A late joiner or a reconnect: the server's current poll. */
  async #refresh(): Promise<void> {
    const events = this.#events;
    try {
      const response = await fetch(pollPath(this.deck.id));
      if (!response.ok) return;
      const { poll } = (await response.json()) as { poll: unknown };
      // An event that came meanwhile is newer than this answer.
      if (this.#events !== events) return;
      const view = asPollView(poll);
      if (view !== undefined) await this.#show(view);
    } catch {
      // Offline: the follow bar says so; the next connect asks again.
    }
  }

  async #show(view: PollView | null): Promise<void> {
    const previous = this.#view;
    this.#view = view;
    if (!view) {
      this.#panel.remove();
      return;
    }
    if (previous?.id !== view.id) {
      this.#stored = undefined;
      this.#order = view.choices.map((choice) => choice.id);
      this.#build(view);
      this.#status.textContent = '';
      await this.#loadStored(view);
    }
    if (this.#view !== view) return;
    this.#update(view);
  }

  async #loadStored(view: PollView): Promise<void> {
    try {
      const response = await fetch(voteUrl(this.deck.id, view.id, deviceId()));
      if (!response.ok) return;
      const vote = (await response.json()) as StoredVote;
      if (this.#view?.id !== view.id) return;
      this.#stored = vote.answer;
      this.#fill(vote.answer);
      this.#status.textContent = 'Ihre Stimme ist gespeichert.';
    } catch {
      // No stored vote to show.
    }
  }

  #build(view: PollView): void {
    const title = el('h2', { class: 'vs-poll-title' });
    title.id = 'vs-poll-voter-title';
    title.textContent = 'Abstimmung';
    const form = el('form', { class: 'vs-poll-form' });
    const fieldset = el('fieldset', { class: 'vs-poll-fieldset' });
    const legend = el('legend', { class: 'vs-poll-legend-text' });
    legend.append(promptBlock(view));
    fieldset.append(legend);
    if (view.kind === 'single' || view.kind === 'multiple') {
      view.choices.forEach((choice, index) => {
        const label = el('label', { class: 'vs-poll-choice' });
        const input = el('input');
        input.type = view.kind === 'single' ? 'radio' : 'checkbox';
        input.name = 'answer';
        input.value = choice.id;
        const text = el('span', { class: 'vs-poll-choice-text' });
        text.append(compiled(choice.html));
        text.prepend(`${letter(index)}: `);
        label.append(input, text);
        fieldset.append(label);
      });
    } else if (view.kind === 'ordering') {
      const hint = el('p', { class: 'vs-poll-hint' });
      hint.textContent = 'Bringen Sie die Schritte mit den Pfeilknöpfen in die richtige Reihenfolge.';
      fieldset.append(hint, el('ol', { class: 'vs-poll-steps' }));
    } else {
      const number = view.kind === 'number';
      const label = el('label', { class: 'vs-poll-word' }, number ? 'Ihre Zahl' : 'Ihr Wort');
      const input = el('input', {
        name: 'answer',
        maxlength: MAX_WORD_LENGTH,
        autocomplete: 'off',
        autocapitalize: 'off',
        inputmode: number ? 'decimal' : undefined,
      });
      const unit = number && view.unit ? el('span', { class: 'vs-poll-unit' }, view.unit) : null;
      label.append(number ? el('span', { class: 'vs-poll-number' }, input, unit) : input);
      fieldset.append(label);
      if (number) fieldset.append(el('p', { class: 'vs-poll-hint' }, 'Mit Komma oder Punkt, z. B. 0,5.'));
    }
    const submit = el('button', { class: 'vs-poll-submit' });
    submit.type = 'submit';
    submit.textContent = 'Abstimmen';
    form.append(fieldset, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#send();
    });
    this.#form = form;
    this.#panel.replaceChildren(
      title,
      form,
      this.#status,
      el('div', { class: 'vs-poll-results' }),
      el('div', { class: 'vs-poll-solution' }),
    );
    if (view.kind === 'ordering') this.#drawSteps();
    if (!this.#panel.isConnected) this.root.append(this.#panel);
  }

  #drawSteps(focus?: { id: string; direction: 'up' | 'down' }): void {
    const view = this.#view;
    const list = this.#form?.querySelector('.vs-poll-steps');
    if (!view || !list) return;
    const closed = view.status === 'closed';
    list.replaceChildren(
      ...this.#order.map((id, position) => {
        const choice = view.choices.find((candidate) => candidate.id === id);
        const item = el('li', { class: 'vs-poll-step' });
        const text = el('span', { class: 'vs-poll-step-text' });
        text.append(compiled(choice?.html ?? id));
        const plain = text.textContent ?? id;
        const move = (direction: 'up' | 'down', symbol: string, words: string, blocked: boolean) => {
          const button = el('button', { class: 'vs-poll-move' });
          button.type = 'button';
          button.textContent = symbol;
          button.dataset.direction = direction;
          button.setAttribute('aria-label', `„${plain}“ ${words}`);
          button.setAttribute('aria-disabled', String(blocked || closed));
          button.addEventListener('click', () => {
            if (button.getAttribute('aria-disabled') === 'true') return;
            const to = position + (direction === 'up' ? -1 : 1);
            [this.#order[position], this.#order[to]] = [this.#order[to] as string, id];
            this.#drawSteps({ id, direction });
          });
          return button;
        };
        item.dataset.id = id;
        item.append(
          text,
          move('up', '↑', 'nach oben', position === 0),
          move('down', '↓', 'nach unten', position === this.#order.length - 1),
        );
        return item;
      }),
    );
    if (focus) {
      list.querySelector<HTMLButtonElement>(`[data-id="${focus.id}"] [data-direction="${focus.direction}"]`)?.focus();
    }
  }

  #answer(): PollAnswer | undefined {
    const view = this.#view;
    const form = this.#form;
    if (!view || !form) return undefined;
    const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name="answer"]')];
    switch (view.kind) {
      case 'single':
        return inputs.find((input) => input.checked)?.value;
      case 'multiple':
        return inputs.filter((input) => input.checked).map((input) => input.value);
      case 'ordering':
        return [...this.#order];
      case 'word':
      case 'number':
        return inputs[0]?.value.trim() || undefined;
    }
  }

  #fill(answer: PollAnswer): void {
    const view = this.#view;
    const inputs = [...(this.#form?.querySelectorAll<HTMLInputElement>('input[name="answer"]') ?? [])];
    if (!view) return;
    if (view.kind === 'ordering' && Array.isArray(answer)) {
      this.#order = [...answer];
      this.#drawSteps();
    } else if (view.kind === 'word' && typeof answer === 'string' && inputs[0]) inputs[0].value = answer;
    else if (view.kind === 'number' && typeof answer === 'string' && inputs[0])
      inputs[0].value = formatDecimal(Number(answer));
    else for (const input of inputs) input.checked = ([] as string[]).concat(answer).includes(input.value);
  }

  async #send(): Promise<void> {
    const view = this.#view;
    const answer = this.#answer();
    if (!view || this.#sending || view.status === 'closed') return;
    if (answer === undefined) {
      this.#status.textContent = MISSING[view.kind];
      return;
    }
    if (view.kind === 'number' && typeof answer === 'string' && parseDecimal(answer) === null) {
      this.#status.textContent = 'Das ist keine Zahl – schreiben Sie z. B. 3 oder 0,5.';
      return;
    }
    this.#sending = true;
    this.#status.textContent = 'Wird gesendet …';
    try {
      const response = await fetch(voteUrl(this.deck.id, view.id, deviceId()), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer }),
      });
      const body = (await response.json().catch(() => ({}))) as Partial<StoredVote> & { message?: string };
      if (response.ok && body.answer !== undefined) {
        this.#stored = body.answer;
        this.#status.textContent = 'Ihre Stimme ist gespeichert. Sie können sie ändern, solange die Abstimmung läuft.';
      } else {
        this.#status.textContent = `Nicht gezählt: ${body.message ?? `Fehler ${response.status}`}`;
      }
    } catch {
      this.#status.textContent = 'Nicht gezählt: Der Server ist nicht erreichbar. Bitte erneut senden.';
    } finally {
      this.#sending = false;
      this.#update(view);
    }
  }

  #update(view: PollView): void {
    const form = this.#form;
    if (!form) return;
    const closed = view.status === 'closed';
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button.vs-poll-submit')) {
      control.disabled = closed;
    }
    if (view.kind === 'ordering')
      for (const button of form.querySelectorAll('.vs-poll-move')) {
        if (closed) button.setAttribute('aria-disabled', 'true');
      }
    const submit = form.querySelector('.vs-poll-submit');
    if (submit) submit.textContent = this.#stored === undefined ? 'Abstimmen' : 'Stimme ändern';
    this.#panel.dataset.status = view.status;
    if (closed && !this.#status.textContent?.startsWith('Die Abstimmung ist geschlossen')) {
      this.#status.textContent =
        this.#stored === undefined
          ? 'Die Abstimmung ist geschlossen. Es zählen keine Stimmen mehr.'
          : 'Die Abstimmung ist geschlossen. Ihre Stimme wurde gezählt.';
    }
    this.#panel.querySelector('.vs-poll-results')?.replaceWith(histogram(view));
    this.#panel.querySelector('.vs-poll-solution')?.replaceWith(solutionBlock(view));
    if (view.solution && this.#stored !== undefined) this.#remember(view, this.#stored);
  }

  /** The revealed answer against this device's vote, kept for the quiz page's schedule. */
  #remember(view: PollView, answer: PollAnswer): void {
    if (view.kind === 'word' || !view.solution) return;
    const right = answerIsRight(view.kind, answer, view.solution);
    const reviews = parseReviews(load('local', POLL_REVIEWS_KEY));
    if (reviews.some((review) => review.poll === view.id)) return;
    reviews.push({ deck: view.deck, question: view.questionId, right, at: new Date().toISOString(), poll: view.id });
    save('local', POLL_REVIEWS_KEY, JSON.stringify(reviews.slice(-200)));
  }
}

const MISSING: Record<PollView['kind'], string> = {
  single: 'Bitte wählen Sie eine Antwort.',
  multiple: 'Bitte wählen Sie eine Antwort.',
  ordering: 'Bitte wählen Sie eine Antwort.',
  word: 'Bitte geben Sie ein Wort ein.',
  number: 'Bitte geben Sie eine Zahl ein.',
};

export { HallAsk } from './hall';
