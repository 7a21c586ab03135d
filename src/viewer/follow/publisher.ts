import { presenterToken } from '../../browser/presenter-token';
import type { Deck } from '../../shared/deck';
import { followDemoPath, followPath, followToolPath, PRESENTER_REPUBLISH_MS } from '../../shared/follow';
import { afterNextPaint } from '../after-paint';
import type { Ink } from '../model/ink';
import type { Timer } from '../model/timer';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { DemoStates } from './demo-states';
import { LatestSender } from './latest';

/**
 * Audience-follow (publisher): in presenter view, with a presenter token, every slide change and
 * blackout is sent to the server, and so is every state of its demos, the strokes of the current
 * slide and the laser dot. Sends never overlap (per slide, per demo, per tool); a change made
 * meanwhile is sent next, the latest wins.
 */
export class Publisher implements Part {
  readonly #status = document.createElement('p');
  #token: string | null = null;
  #sending = false;
  #queued = false;
  readonly #latest = new LatestSender();
  readonly #offs: (() => void)[] = [];
  #republish: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly demos: DemoStates,
    private readonly ink: Ink,
    private readonly timer: Timer,
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
        afterNextPaint(() => {
          this.#publish();
          this.#publishInk(this.navigation.index);
        }),
      ),
      this.modes.on('change', ({ mode, on }) => {
        if (mode === 'blackout') this.#publish();
        if (mode !== 'presenter' || !on) return;
        this.#publish();
        this.demos.publishAll();
        this.#publishInk(this.navigation.index);
      }),
      this.timer.on('change', () => this.#publish()),
      this.demos.addSink((key, state) => this.#put(followDemoPath(this.deck.id, key), state)),
      this.ink.on('change', ({ index, origin }) => origin !== 'follow' && this.#publishInk(index)),
      this.ink.on(
        'laser',
        ({ laser, origin }) =>
          origin !== 'follow' && this.#putTool('laser', laser ?? { index: this.navigation.index, point: null }),
      ),
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
      const timer = { elapsedMs: Math.round(this.timer.elapsed()), running: this.timer.state === 'running' };
      const response = await fetch(followPath(this.deck.id), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
        body: JSON.stringify({ index, blackout, timer }),
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

  /** The strokes of the lecturer's current slide; the server keeps them for late joiners. */
  #publishInk(index: number): void {
    if (index === this.navigation.index) this.#putTool('ink', { index, strokes: this.ink.strokes(index) });
  }

  #putTool(tool: 'ink' | 'laser', body: unknown): void {
    this.#put(followToolPath(this.deck.id, tool), body);
  }

  #put(path: string, body: unknown): void {
    if (!this.modes.has('presenter')) return;
    this.#latest.send(path, () =>
      fetch(path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#token}` },
        body: JSON.stringify(body),
      }),
    );
  }
}
