import type { Deck } from '../../shared/deck';
import { followDemoPath, followPath, PRESENTER_REPUBLISH_MS } from '../../shared/follow';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { load, save } from '../storage';
import type { DemoStates } from './demo-states';

/**
 * The lecturer opens the deck once with the token in the fragment (`#p1&token=…` or `#token=…`):
 * a fragment never reaches a server's log or a Referer. It is kept in this browser, not in the URL.
 */
const TOKEN_IN_FRAGMENT = /(?:^#|&)token=([^&]*)/;
const TOKEN_KEY = 'vs-presenter-token';

/**
 * Audience-follow (publisher): in presenter view, with a presenter token, every slide change
 * is sent to the server, and so is every state of its demos. Sends never overlap (per slide, per
 * demo); a change made meanwhile is sent next, the latest wins.
 */
export class Publisher implements Part {
  readonly #status = document.createElement('p');
  #token: string | null = null;
  #sending = false;
  #queued: number | undefined;
  /** Per demo key: a send in flight (true) and the state to send after it. */
  readonly #demoSending = new Map<string, boolean>();
  readonly #demoQueued = new Map<string, unknown>();
  readonly #offs: (() => void)[] = [];
  #republish: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly demos: DemoStates,
  ) {
    this.#status.className = 'vs-follow-publish';
    this.#status.setAttribute('role', 'status');
  }

  bind(): void {
    this.#token = presenterToken();
    if (!this.#token) return;
    this.root.append(this.#status);
    this.#offs.push(
      this.navigation.on('change', ({ index }) => this.#publish(index)),
      this.modes.on('change', ({ mode, on }) => {
        if (mode !== 'presenter' || !on) return;
        this.#publish(this.navigation.index);
        this.demos.publishAll();
      }),
      this.demos.addSink((key, state) => this.#publishDemo(key, state)),
    );
    this.#publish(this.navigation.index);
    // "Still here": followers are offered "Folgen" only while a presenter is live. A window that
    // closes says nothing (a reload looks the same); it stops being live PRESENTER_LIVE_MS later.
    this.#republish = setInterval(() => this.#publish(this.navigation.index), PRESENTER_REPUBLISH_MS);
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    clearInterval(this.#republish);
    this.#status.remove();
  }

  #publish(index: number): void {
    if (!this.modes.has('presenter')) return;
    if (this.#sending) {
      this.#queued = index;
      return;
    }
    this.#sending = true;
    void this.#send(index).finally(() => {
      this.#sending = false;
      const next = this.#queued;
      this.#queued = undefined;
      if (next !== undefined) this.#publish(next);
    });
  }

  async #send(index: number): Promise<void> {
    try {
      const response = await fetch(followPath(this.deck.id), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
        body: JSON.stringify({ index }),
      });
      if (response.ok) this.#status.textContent = `Publikum folgt: Folie ${index + 1}`;
      else {
        const { message } = (await response.json().catch(() => ({}))) as { message?: string };
        this.#status.textContent = `Folgen nicht möglich (${response.status}): ${message ?? response.statusText}`;
      }
    } catch {
      this.#status.textContent = 'Folgen: Server nicht erreichbar';
    }
  }

  #publishDemo(key: string, state: unknown): void {
    if (!this.modes.has('presenter')) return;
    if (this.#demoSending.get(key)) {
      this.#demoQueued.set(key, state);
      return;
    }
    this.#demoSending.set(key, true);
    void fetch(followDemoPath(this.deck.id, key), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
      body: JSON.stringify(state),
    })
      .catch(() => undefined)
      .finally(() => {
        this.#demoSending.delete(key);
        if (!this.#demoQueued.has(key)) return;
        const next = this.#demoQueued.get(key);
        this.#demoQueued.delete(key);
        this.#publishDemo(key, next);
      });
  }
}

/** The presenter token this browser keeps, if the lecturer gave it once. */
export function presenterToken(): string | null {
  return load('local', TOKEN_KEY);
}

/**
 * Stores a token given in the URL fragment and removes it from the address, before the viewer
 * reads the fragment for the slide (`#p1&token=…` → `#p1`).
 */
export function takeTokenFromAddress(): void {
  const match = TOKEN_IN_FRAGMENT.exec(location.hash);
  if (!match) return;
  let token = match[1] ?? '';
  try {
    token = decodeURIComponent(token);
  } catch {
    // Kept as given.
  }
  if (token) save('local', TOKEN_KEY, token);
  const rest = location.hash.replace(TOKEN_IN_FRAGMENT, '').replace(/^#?&/, '#');
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '#' ? '' : rest}`);
}
