import './polls.css';
import { el } from '../../browser/dom';
import type { Deck } from '../../shared/deck';
import { HALL_TEXT_MAX, pollPath, type HallQuestion } from '../../shared/polls';
import type { Follower } from '../follow/follower';
import type { Part } from '../part';
import { load, save } from '../storage';
import { deviceId } from './device';

const UPVOTED_KEY = 'vs-hall-upvoted';

export function asHall(data: unknown): HallQuestion[] | undefined {
  if (!Array.isArray(data)) return undefined;
  return data.filter(
    (question): question is HallQuestion =>
      typeof question === 'object' &&
      question !== null &&
      typeof (question as HallQuestion).id === 'string' &&
      typeof (question as HallQuestion).text === 'string' &&
      typeof (question as HallQuestion).votes === 'number',
  );
}

/**
 * A student's questions to the lecturer, in follow mode: „Frage stellen“ opens a form and the
 * open questions of the hall, ranked, each with one upvote per device. The question the
 * lecturer shows to the room stands on top.
 */
export class HallAsk implements Part {
  readonly #toggle = el('button', { class: 'vs-hall-toggle', type: 'button', 'aria-expanded': 'false' });
  readonly #panel = el('section', { class: 'vs-poll vs-hall', 'aria-labelledby': 'vs-hall-title', tabindex: 0 });
  readonly #status = el('p', { class: 'vs-poll-status', role: 'status' });
  readonly #list = el('ol', { class: 'vs-hall-list' });
  readonly #text = el('textarea', { id: 'vs-hall-text', maxlength: HALL_TEXT_MAX, rows: 3 });
  readonly #offs: (() => void)[] = [];
  #questions: HallQuestion[] = [];
  readonly #upvoted = new Set<string>((load('local', UPVOTED_KEY) ?? '').split(',').filter(Boolean));

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly follower: Follower,
  ) {
    this.#toggle.textContent = 'Frage stellen';
    const form = el(
      'form',
      { class: 'vs-hall-form' },
      el('label', { for: 'vs-hall-text' }, `Ihre Frage (anonym, höchstens ${HALL_TEXT_MAX} Zeichen)`),
      this.#text,
      el('button', { class: 'vs-poll-submit', type: 'submit' }, 'Frage senden'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#ask();
    });
    const close = el('button', { type: 'button', class: 'vs-hall-close' }, 'Schließen');
    close.addEventListener('click', () => this.#open(false));
    this.#panel.append(
      el('h2', { class: 'vs-poll-title', id: 'vs-hall-title' }, 'Fragen aus dem Saal'),
      form,
      this.#status,
      this.#list,
      close,
    );
    this.#panel.hidden = true;
    this.#toggle.hidden = true;
  }

  bind(): void {
    this.#toggle.addEventListener('click', this.#onToggle);
    this.root.append(this.#toggle, this.#panel);
    this.#offs.push(
      this.follower.on('hall', (data) => {
        const questions = asHall(data);
        if (questions) this.#draw(questions);
      }),
      this.follower.on('stopped', () => {
        this.#open(false);
        this.#toggle.hidden = true;
      }),
      this.follower.on('connected', () => void this.#refresh()),
    );
    void this.#refresh();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#toggle.removeEventListener('click', this.#onToggle);
    this.#toggle.remove();
    this.#panel.remove();
  }

  readonly #onToggle = (): void => this.#open(this.#panel.hidden);

  #open(on: boolean): void {
    this.#panel.hidden = !on;
    this.#toggle.setAttribute('aria-expanded', String(on));
    if (on) this.#text.focus();
    else if (document.activeElement === document.body) this.#toggle.focus();
  }

  async #refresh(): Promise<void> {
    try {
      const response = await fetch(`${pollPath(this.deck.id)}/hall`);
      // A deck without a bank takes no questions.
      this.#toggle.hidden = !response.ok;
      if (response.ok) this.#draw(asHall(((await response.json()) as { questions: unknown }).questions) ?? []);
    } catch {
      // Offline: the follow bar says so.
    }
  }

  async #post(path: string, body: unknown): Promise<HallQuestion | undefined> {
    try {
      const response = await fetch(`${pollPath(this.deck.id)}/hall${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const reply = (await response.json().catch(() => ({}))) as HallQuestion & { message?: string };
      if (response.ok) return reply;
      this.#status.textContent = `Nicht gesendet: ${reply.message ?? `Fehler ${response.status}`}`;
    } catch {
      this.#status.textContent = 'Nicht gesendet: Der Server ist nicht erreichbar.';
    }
    return undefined;
  }

  async #ask(): Promise<void> {
    const text = this.#text.value.trim();
    if (text.length < 3) {
      this.#status.textContent = 'Bitte schreiben Sie eine Frage (mindestens 3 Zeichen).';
      return;
    }
    const asked = await this.#post('', { text, device: deviceId() });
    if (!asked) return;
    this.#text.value = '';
    this.#remember(asked.id);
    this.#status.textContent = 'Ihre Frage ist angekommen.';
  }

  async #upvote(question: HallQuestion): Promise<void> {
    if (this.#upvoted.has(question.id)) return;
    const upvoted = await this.#post(`/${encodeURIComponent(question.id)}/upvote`, { device: deviceId() });
    if (!upvoted) return;
    this.#remember(question.id);
    this.#status.textContent = 'Ihre Stimme für die Frage ist gezählt.';
  }

  #remember(id: string): void {
    this.#upvoted.add(id);
    save('local', UPVOTED_KEY, [...this.#upvoted].slice(-300).join(','));
    this.#draw(this.#questions);
  }

  #draw(questions: HallQuestion[]): void {
    this.#questions = questions;
    const open = questions.filter((question) => !question.answered);
    const shown = open.filter((question) => question.shown);
    const rest = open.filter((question) => !question.shown);
    this.#toggle.textContent = open.length > 0 ? `Fragen (${open.length})` : 'Frage stellen';
    this.#list.replaceChildren(
      ...[...shown, ...rest].map((question) => {
        const mine = this.#upvoted.has(question.id);
        const upvote = el(
          'button',
          {
            type: 'button',
            class: 'vs-hall-upvote',
            'aria-pressed': String(mine),
            'aria-label': `Frage unterstützen, bisher ${question.votes} ${question.votes === 1 ? 'Stimme' : 'Stimmen'}`,
          },
          `▲ ${question.votes}`,
        );
        upvote.addEventListener('click', () => void this.#upvote(question));
        return el(
          'li',
          { class: question.shown ? 'vs-hall-item vs-hall-shown' : 'vs-hall-item' },
          question.shown ? el('strong', {}, 'Wird gerade besprochen: ') : null,
          el('span', { class: 'vs-hall-text' }, question.text),
          upvote,
        );
      }),
    );
  }
}
