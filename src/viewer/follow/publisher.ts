import { presenterToken } from '../../browser/presenter-token';
import type { Deck } from '../../shared/deck';
import { followDemoPath, followPath, PRESENTER_REPUBLISH_MS } from '../../shared/follow';
import { afterNextPaint } from '../after-paint';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { DemoStates } from './demo-states';

/**
 * Audience-follow (publisher): in presenter view, with a presenter token, every slide change and
 * blackout is sent to the server, and so is every state of its demos. Sends never overlap (per
 * slide, per demo); a change made meanwhile is sent next, the latest wins.
 */
export class Publisher implements Part {
  readonly #status = document.createElement('p');
  #token: string | null = null;
  #sending = false;
  #queued = false;
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
      this.navigation.on(
        'change',
        afterNextPaint(() => this.#publish()),
      ),
      this.modes.on('change', ({ mode, on }) => {
        if (mode === 'blackout') this.#publish();
        if (mode !== 'presenter' || !on) return;
        this.#publish();
        this.demos.publishAll();
      }),
      this.demos.addSink((key, state) => this.#publishDemo(key, state)),
    );
    this.#publish();
    // "Still here": followers are offered "Folgen" only while a presenter is live. A window that
    // closes says nothing (a reload looks the same); it stops being live PRESENTER_LIVE_MS later.
    this.#republish = setInterval(() => this.#publish(), PRESENTER_REPUBLISH_MS);
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    clearInterval(this.#republish);
    this.#status.remove();
  }

  /** Sends the slide and blackout as they are when the send starts. */
  #publish(): void {
    if (!this.modes.has('presenter')) return;
    if (this.#sending) {
      this.#queued = true;
      return;
    }
    this.#sending = true;
    void this.#send(this.navigation.index, this.modes.has('blackout')).finally(() => {
      this.#sending = false;
      if (!this.#queued) return;
      this.#queued = false;
      this.#publish();
    });
  }

  async #send(index: number, blackout: boolean): Promise<void> {
    try {
      const response = await fetch(followPath(this.deck.id), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
        body: JSON.stringify({ index, blackout }),
      });
      if (response.ok)
        this.#status.textContent = `Publikum folgt: Folie ${index + 1}${blackout ? ' · Schwarzbild' : ''}`;
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
