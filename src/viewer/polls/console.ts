import './polls.css';
import { createParser } from 'eventsource-parser';
import type { Deck } from '../../shared/deck';
import { HALL_EVENT, POLL_EVENT } from '../../shared/follow';
import {
  POLL_KIND_NAMES,
  pollPath,
  slidePolls,
  type HallAction,
  type HallQuestion,
  type PollAction,
  type PollQuestion,
  type PollView,
} from '../../shared/polls';
import type { CloneSync } from '../inputs/sync';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Requests } from '../model/requests';
import type { Part } from '../part';
import { el } from '../../browser/dom';
import { asHall } from './hall';
import { asPollView, histogram, promptBlock, roomView, solutionBlock } from './poll-view';

/** A broken presenter stream is opened again after this. */
const REOPEN_MS = 2000;

/**
 * The lecturer's poll console in the presenter view: A opens the poll named by the slide
 * (`poll: <frage-id>`) or a picker of the deck's questions; the live histogram comes from the
 * server's presenter stream. "Ergebnis zeigen", "Antwort aufdecken", "Schließen" and
 * "Ausblenden" act on the server, which tells the followers; the cloned window gets the room's
 * view over the window channel.
 */
export class PollConsole implements Part {
  readonly #panel = el('section', { class: 'vs-poll vs-poll-console' });
  readonly #status = el('p', { class: 'vs-poll-status' });
  readonly #picker = el('dialog', { class: 'vs-poll-picker' });
  readonly #hall = el('section', { class: 'vs-poll vs-hall-console', 'aria-label': 'Fragen aus dem Saal' });
  readonly #offs: (() => void)[] = [];
  #view: PollView | null = null;
  #stream: AbortController | undefined;
  #reopen: ReturnType<typeof setTimeout> | undefined;
  #questions: PollQuestion[] | undefined;
  /** The question from the hall shown to the room, as the projector gets it. */
  #shownHall: HallQuestion[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly requests: Requests,
    private readonly sync: CloneSync,
    private readonly token: string,
  ) {
    this.#panel.setAttribute('aria-label', 'Abstimmung');
    this.#status.setAttribute('role', 'status');
  }

  bind(): void {
    this.#offs.push(
      this.requests.on('poll', () => void this.#onKey()),
      this.modes.on('change', ({ mode }) => mode === 'presenter' && this.#follow()),
      this.sync.on('hello', () => {
        this.sync.postPoll(roomView(this.#view));
        this.sync.postHall(this.#shownHall);
      }),
    );
    this.#picker.addEventListener('close', () => this.#picker.remove());
    this.#follow();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#close();
    this.#panel.remove();
    this.#picker.remove();
    this.#hall.remove();
  }

  /** The presenter stream runs while the presenter view is on. */
  #follow(): void {
    if (this.modes.has('presenter')) {
      if (!this.#stream) void this.#open();
    } else {
      this.#close();
      this.#panel.remove();
      this.#hall.remove();
    }
  }

  #close(): void {
    clearTimeout(this.#reopen);
    this.#stream?.abort();
    this.#stream = undefined;
  }

  async #open(): Promise<void> {
    const controller = new AbortController();
    this.#stream = controller;
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === HALL_EVENT) {
          try {
            this.#drawHall(asHall(JSON.parse(event.data)) ?? []);
          } catch {
            // A damaged event changes nothing.
          }
          return;
        }
        if (event.event !== POLL_EVENT) return;
        try {
          const view = asPollView(JSON.parse(event.data));
          if (view !== undefined) this.#show(view);
        } catch {
          // A damaged event changes nothing.
        }
      },
    });
    try {
      const response = await fetch(`${pollPath(this.deck.id)}/live`, {
        headers: { authorization: `Bearer ${this.token}` },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) {
        // A deck without a bank has no polls: nothing to watch.
        if (response.status === 404) return;
        throw new Error(String(response.status));
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    if (this.#stream !== controller) return;
    this.#stream = undefined;
    this.#reopen = setTimeout(() => this.#follow(), REOPEN_MS);
  }

  async #onKey(): Promise<void> {
    if (!this.modes.has('presenter')) return;
    // A slide may name several questions: A opens the first, then each next one; after the last, the picker.
    const questions = slidePolls(this.navigation.slide.properties);
    const current = this.#view ? questions.indexOf(this.#view.questionId) : -1;
    const question = questions[current + 1];
    if (question === undefined) return this.#pick();
    await this.#start(question);
  }

  async #start(question: string): Promise<void> {
    const view = await this.#request('', { question });
    if (view) this.#show(view);
    this.#panel.querySelector('button')?.focus();
  }

  async #act(action: PollAction): Promise<void> {
    if (!this.#view) return;
    const view = await this.#request(`/${encodeURIComponent(this.#view.id)}/${action}`);
    if (view) this.#show(action === 'dismiss' ? null : view);
  }

  async #request(path: string, body?: unknown): Promise<PollView | undefined> {
    try {
      const response = await fetch(`${pollPath(this.deck.id)}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const reply = (await response.json().catch(() => ({}))) as unknown;
      if (response.ok) return asPollView(reply) ?? undefined;
      this.#notice(`Abstimmung: ${(reply as { message?: string }).message ?? `Fehler ${response.status}`}`);
    } catch {
      this.#notice('Abstimmung: Der Server ist nicht erreichbar.');
    }
    return undefined;
  }

  #notice(text: string): void {
    this.#status.textContent = text;
    if (!this.#panel.isConnected) {
      this.#panel.replaceChildren(this.#status);
      this.root.append(this.#panel);
    }
  }

  #show(view: PollView | null): void {
    this.#view = view;
    this.sync.postPoll(roomView(view));
    if (!view) {
      this.#panel.remove();
      return;
    }
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.action : undefined;
    const title = el('h2', { class: 'vs-poll-title' });
    title.textContent = view.status === 'open' ? 'Abstimmung läuft' : 'Abstimmung geschlossen';
    const actions = el('div', { class: 'vs-poll-actions' });
    const button = (action: PollAction, text: string, done: boolean) => {
      const node = el('button');
      node.type = 'button';
      node.textContent = text;
      node.dataset.action = action;
      node.disabled = done;
      node.addEventListener('click', () => void this.#act(action));
      return node;
    };
    const other = el('button');
    other.type = 'button';
    other.textContent = 'Andere Frage …';
    other.dataset.action = 'pick';
    other.addEventListener('click', () => void this.#pick());
    actions.append(
      button('show', 'Ergebnis zeigen', view.shown),
      button('reveal', 'Antwort aufdecken', view.revealed),
      button('close', 'Schließen', view.status === 'closed'),
      button('dismiss', 'Ausblenden', false),
      other,
      el(
        'a',
        { href: `/abstimmungen.html#${encodeURIComponent(this.deck.id)}`, target: '_blank', rel: 'noopener' },
        'Alle Ergebnisse',
      ),
    );
    const presenterView = view.revealed ? view : { ...view, solution: undefined };
    this.#panel.dataset.status = view.status;
    // The buttons first: they stay in reach however long the question and its answer are.
    this.#panel.replaceChildren(
      title,
      actions,
      this.#status,
      promptBlock(view),
      histogram(presenterView),
      solutionBlock(presenterView),
    );
    if (!this.#panel.isConnected) this.root.append(this.#panel);
    if (focused) this.#panel.querySelector<HTMLButtonElement>(`[data-action="${focused}"]:not(:disabled)`)?.focus();
  }

  /** The open questions from the hall, ranked, each to mark answered or to show to the room. */
  #drawHall(questions: HallQuestion[]): void {
    const open = questions.filter((question) => !question.answered);
    this.#shownHall = open.filter((question) => question.shown);
    this.sync.postHall(this.#shownHall);
    if (open.length === 0) {
      this.#hall.remove();
      return;
    }
    const act = (question: HallQuestion, action: HallAction, text: string) => {
      const node = el('button', { type: 'button' }, text);
      node.addEventListener('click', () => {
        void fetch(`${pollPath(this.deck.id)}/hall/${encodeURIComponent(question.id)}/${action}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}` },
        }).catch(() => this.#notice('Fragen aus dem Saal: Der Server ist nicht erreichbar.'));
      });
      return node;
    };
    this.#hall.replaceChildren(
      el('h2', { class: 'vs-poll-title' }, `Fragen aus dem Saal (${open.length})`),
      el(
        'ol',
        { class: 'vs-hall-list' },
        ...open
          .slice(0, 5)
          .map((question) =>
            el(
              'li',
              { class: question.shown ? 'vs-hall-item vs-hall-shown' : 'vs-hall-item' },
              el('span', { class: 'vs-hall-votes', 'aria-label': `${question.votes} Stimmen` }, `▲ ${question.votes}`),
              el('span', { class: 'vs-hall-text' }, question.text),
              act(question, 'answered', 'Beantwortet'),
              question.shown ? act(question, 'hide', 'Nicht mehr zeigen') : act(question, 'show', 'Im Saal zeigen'),
            ),
          ),
      ),
    );
    if (!this.#hall.isConnected) this.root.append(this.#hall);
  }

  /** The deck's questions to choose from, in a modal dialog (Escape closes it). */
  async #pick(): Promise<void> {
    if (!this.#questions) {
      try {
        const response = await fetch(`${pollPath(this.deck.id)}/questions`);
        if (!response.ok) {
          const { message } = (await response.json().catch(() => ({}))) as { message?: string };
          return this.#notice(`Abstimmung: ${message ?? `Fehler ${response.status}`}`);
        }
        this.#questions = ((await response.json()) as { questions: PollQuestion[] }).questions;
      } catch {
        return this.#notice('Abstimmung: Der Server ist nicht erreichbar.');
      }
    }
    const title = el('h2', { class: 'vs-poll-title' });
    title.textContent = 'Frage für die Abstimmung wählen';
    const list = el('ul', { class: 'vs-poll-question-list' });
    for (const question of this.#questions) {
      const item = document.createElement('li');
      const choose = el('button', { class: 'vs-poll-question' });
      choose.type = 'button';
      const topic = el('span', { class: 'vs-poll-question-topic' });
      topic.textContent = `${question.topic} · ${POLL_KIND_NAMES[question.kind]}`;
      const prompt = el('span', { class: 'vs-poll-question-prompt' });
      prompt.textContent = question.prompt;
      choose.append(topic, prompt);
      choose.addEventListener('click', () => {
        this.#picker.close();
        void this.#start(question.id);
      });
      item.append(choose);
      list.append(item);
    }
    const cancel = el('button', { class: 'vs-poll-cancel' });
    cancel.type = 'button';
    cancel.textContent = 'Abbrechen';
    cancel.addEventListener('click', () => this.#picker.close());
    this.#picker.setAttribute('aria-label', 'Frage für die Abstimmung wählen');
    this.#picker.replaceChildren(title, list, cancel);
    this.root.append(this.#picker);
    this.#picker.showModal();
    list.querySelector('button')?.focus();
  }
}
