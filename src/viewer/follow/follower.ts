import type { Deck } from '../../shared/deck';
import {
  FOLLOW_DEMO_EVENT,
  FOLLOW_EVENT,
  followEventsPath,
  followPath,
  PRESENTER_REPUBLISH_MS,
  type FollowDemo,
  type FollowState,
} from '../../shared/follow';
import { HALL_EVENT, POLL_EVENT } from '../../shared/follow';
import { INK_EVENT, LASER_EVENT } from '../../shared/ink';
import { Emitter } from '../../browser/emitter';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import type { DemoStates } from './demo-states';

/** `?follow` in the URL turns following on, also after a reload. */
export const FOLLOW_PARAM = 'follow';
/** EventSource gives up for good on an HTTP error answer; then a fresh one is opened after this. */
const REOPEN_MS = 3000;
/** While not following, the server is asked this often whether a presenter is live. */
const LIVE_CHECK_MS = PRESENTER_REPUBLISH_MS;

type Status = 'off' | 'connecting' | 'waiting' | 'live' | 'paused' | 'offline';

const STATUS_TEXT: Record<Exclude<Status, 'off'>, string> = {
  connecting: 'Verbinde …',
  waiting: 'Warten auf den Vortrag …',
  live: 'Live – folgt dem Vortrag',
  paused: 'Pausiert – Sie sind auf einer anderen Folie',
  offline: 'Verbindung unterbrochen … neuer Versuch läuft',
};

/** What a follower hears besides the slide: that its stream (re)connected, and the deck's poll. */
interface FollowerEvents extends Record<string, unknown> {
  connected: undefined;
  stopped: undefined;
  /** The poll as the server sent it (PollView or null), not yet checked. */
  poll: unknown;
  /** The questions from the hall as the server sent them, not yet checked. */
  hall: unknown;
  /** The strokes on the lecturer's slide (InkState) and the laser (LaserState), not yet checked. */
  ink: unknown;
  laser: unknown;
}

/**
 * Audience-follow (input): the deck moves to the lecturer's slide as the server announces
 * it. A move of the student's own pauses following until "Zurück zu live"; after a dropped
 * connection the stream reopens and the server's first event brings the current slide. While
 * the lecturer blacks out the room, a following screen is black too, with a short hint.
 */
export class Follower extends Emitter<FollowerEvents> implements Part {
  readonly #bar = document.createElement('div');
  readonly #status = document.createElement('p');
  readonly #toggle = document.createElement('button');
  readonly #live = document.createElement('button');
  readonly #blackout = document.createElement('div');
  #source: EventSource | undefined;
  #reopen: ReturnType<typeof setTimeout> | undefined;
  #lecturer: number | null = null;
  #state: Status = 'off';
  /** A presenter is live for this deck: only then is "Folgen" offered. */
  #presenterLive = false;
  #liveCheck: ReturnType<typeof setInterval> | undefined;
  #off: (() => void) | undefined;

  constructor(
    root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly demos: DemoStates,
  ) {
    super();
    this.#bar.className = 'vs-follow';
    this.#status.className = 'vs-follow-status';
    this.#status.setAttribute('role', 'status');
    for (const button of [this.#live, this.#toggle]) button.type = 'button';
    this.#live.textContent = 'Zurück zu live';
    this.#bar.append(this.#status, this.#live, this.#toggle);
    this.#blackout.className = 'vs-follow-blackout';
    this.#blackout.setAttribute('role', 'status');
    this.#blackout.hidden = true;
    this.#blackout.append(document.createElement('p'));
    root.append(this.#bar, this.#blackout);
  }

  bind(): void {
    this.#toggle.addEventListener('click', this.#onToggle);
    this.#live.addEventListener('click', this.#onLive);
    this.#off = this.navigation.on('change', ({ index, origin }) => {
      if (origin === 'follow' || this.#source === undefined || this.#lecturer === null) return;
      this.#show(index === this.#lecturer ? 'live' : 'paused');
    });
    if (new URL(location.href).searchParams.has(FOLLOW_PARAM) && !this.modes.has('presenter')) this.#start();
    else this.#show('off');
    void this.#checkLive();
    this.#liveCheck = setInterval(() => void this.#checkLive(), LIVE_CHECK_MS);
  }

  unbind(): void {
    this.#toggle.removeEventListener('click', this.#onToggle);
    this.#live.removeEventListener('click', this.#onLive);
    this.#off?.();
    clearInterval(this.#liveCheck);
    this.#stop();
  }

  /** Asks the server whether a presenter is live (not while following: the stream says so). */
  async #checkLive(): Promise<void> {
    if (this.#source || document.visibilityState === 'hidden') return;
    try {
      const response = await fetch(followPath(this.deck.id));
      const state = response.ok ? ((await response.json()) as FollowState) : undefined;
      this.#presenterLive = state?.live === true;
    } catch {
      this.#presenterLive = false;
    }
    if (!this.#source) this.#show('off');
  }

  #start(): void {
    this.demos.setFollowing(true);
    this.#show('connecting');
    this.#open();
    this.#remember(true);
  }

  #stop(): void {
    clearTimeout(this.#reopen);
    this.#source?.close();
    this.#source = undefined;
    this.#lecturer = null;
    this.#showBlackout(false);
    this.demos.setFollowing(false);
    this.#show('off');
    this.#remember(false);
    this.emit('stopped', undefined);
  }

  #open(): void {
    const source = new EventSource(followEventsPath(this.deck.id));
    this.#source = source;
    source.addEventListener('open', () => {
      if (this.#lecturer === null) this.#show('waiting');
      this.emit('connected', undefined);
    });
    source.addEventListener(FOLLOW_EVENT, (event) => this.#onSlide(event as MessageEvent<string>));
    source.addEventListener(FOLLOW_DEMO_EVENT, (event) => this.#onDemo(event as MessageEvent<string>));
    for (const name of [POLL_EVENT, HALL_EVENT, INK_EVENT, LASER_EVENT] as const) {
      source.addEventListener(name, (event) => {
        try {
          this.emit(name, JSON.parse((event as MessageEvent<string>).data));
        } catch {
          // A damaged event changes nothing.
        }
      });
    }
    source.addEventListener('error', () => {
      if (this.#source !== source) return;
      this.#show('offline');
      if (source.readyState === EventSource.CLOSED) {
        this.#reopen = setTimeout(() => this.#source === source && this.#open(), REOPEN_MS);
      }
    });
  }

  #onSlide(event: MessageEvent<string>): void {
    let state: FollowState;
    try {
      state = JSON.parse(event.data) as FollowState;
    } catch {
      return;
    }
    this.#presenterLive = state.live;
    if (!state.live && state.index !== null) {
      // The presenter has left: following ends, and "Folgen" is no longer offered.
      this.#stop();
      return;
    }
    if (state.index === null) return;
    this.#showBlackout(state.blackout);
    const wasLive = this.#state !== 'paused';
    this.#lecturer = Math.min(state.index, this.navigation.count - 1);
    if (wasLive) this.navigation.goTo(this.#lecturer, 'follow');
    this.#show(wasLive || this.navigation.index === this.#lecturer ? 'live' : 'paused');
  }

  #onDemo(event: MessageEvent<string>): void {
    try {
      const { key, state } = JSON.parse(event.data) as FollowDemo;
      this.demos.receive(key, state);
    } catch {
      // A damaged event changes nothing.
    }
  }

  readonly #onToggle = (): void => (this.#source ? this.#stop() : this.#start());

  readonly #onLive = (): void => {
    if (this.#lecturer === null) return;
    this.navigation.goTo(this.#lecturer, 'follow');
    this.#show('live');
    // The button that had the focus is gone now.
    this.#toggle.focus();
  };

  #showBlackout(on: boolean): void {
    if (this.#blackout.hidden !== on) return;
    this.#blackout.hidden = !on;
    // Set when shown, so that screen readers announce it.
    this.#blackout.firstElementChild!.textContent = on
      ? 'Der Vortrag ist kurz pausiert. Das Bild kommt zurück, sobald es weitergeht.'
      : '';
  }

  #show(state: Status): void {
    this.#state = state;
    this.#bar.dataset.state = state;
    this.#status.textContent = state === 'off' ? '' : STATUS_TEXT[state];
    this.#status.hidden = state === 'off';
    this.#live.hidden = state !== 'paused';
    this.#toggle.hidden = state === 'off' && !this.#presenterLive;
    this.#bar.hidden = this.#toggle.hidden && this.#status.hidden;
    this.#toggle.textContent = state === 'off' ? 'Folgen' : 'Folgen beenden';
    this.#toggle.title = state === 'off' ? 'Dem Vortrag live folgen: die Folien wechseln mit der Vortragenden' : '';
  }

  /** Keeps `?follow` in the URL, so a reload follows again. */
  #remember(on: boolean): void {
    const url = new URL(location.href);
    if (url.searchParams.has(FOLLOW_PARAM) === on) return;
    if (on) url.searchParams.set(FOLLOW_PARAM, '');
    else url.searchParams.delete(FOLLOW_PARAM);
    history.replaceState(history.state, '', url.href.replace(/([?&]follow)=(?=&|#|$)/, '$1'));
  }
}
