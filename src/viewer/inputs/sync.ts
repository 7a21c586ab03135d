import type { Deck } from '../../shared/deck';
import { DEMO_KEY_PATTERN } from '../../shared/demos';
import { Emitter } from '../../browser/emitter';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import type { Part } from '../part';
import { load, save } from '../storage';

/** The clone window carries its pairing in the URL (`?clone=…`), the original in its session. */
const CLONE_PARAM = 'clone';

type Message =
  | { type: 'hello' }
  | { type: 'goto'; index: number }
  | { type: 'blackout'; on: boolean }
  | { type: 'demo'; key: string; state: unknown }
  | { type: 'poll'; view: unknown }
  | { type: 'hall'; shown: unknown }
  | { type: 'zoom'; view: unknown };

const DEMO_KEY = new RegExp(DEMO_KEY_PATTERN);

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.type === 'hello' ||
    (message.type === 'goto' && Number.isInteger(message.index)) ||
    (message.type === 'blackout' && typeof message.on === 'boolean') ||
    (message.type === 'demo' && typeof message.key === 'string' && DEMO_KEY.test(message.key)) ||
    (message.type === 'poll' && 'view' in message) ||
    (message.type === 'hall' && 'shown' in message) ||
    (message.type === 'zoom' && 'view' in message)
  );
}

/** What the windows tell each other beyond slide and blackout: a demo's state, and that a window joined. */
interface SyncEvents extends Record<string, unknown> {
  demo: { key: string; state: unknown };
  /** The room's view of the deck's poll (PollView or null), not yet checked. */
  poll: unknown;
  /** The questions from the hall the lecturer shows to the room (HallQuestion[], at most one), not yet checked. */
  hall: unknown;
  /** The other window's zoom (ZoomView or null), not yet checked. */
  zoom: unknown;
  hello: undefined;
}

/**
 * Presenter and cloned window (C) follow each other through a BroadcastChannel named after
 * the deck and a pairing id: slide moves and blackout go both ways. A window that reloads
 * keeps its pairing and asks the others where they are, so it picks up where they stand.
 * Demo states travel the same channel (see follow/demo-states.ts).
 */
export class CloneSync extends Emitter<SyncEvents> implements Part {
  #channel: BroadcastChannel | undefined;
  #clone: Window | null = null;
  readonly #offs: (() => void)[] = [];

  constructor(
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
  ) {
    super();
  }

  /** Whether this is the cloned window (the projector's), which shows what the other drives. */
  get isClone(): boolean {
    return new URL(location.href).searchParams.has(CLONE_PARAM);
  }

  postDemo(key: string, state: unknown): void {
    this.#post({ type: 'demo', key, state });
  }

  postPoll(view: unknown): void {
    this.#post({ type: 'poll', view });
  }

  postHall(shown: unknown): void {
    this.#post({ type: 'hall', shown });
  }

  postZoom(view: unknown): void {
    this.#post({ type: 'zoom', view });
  }

  /** Asks the other window to send where it stands, demos included. */
  askForState(): void {
    this.#post({ type: 'hello' });
  }

  get #storageKey(): string {
    return `vs-clone:${this.deck.id}`;
  }

  get #pairing(): string | null {
    return new URL(location.href).searchParams.get(CLONE_PARAM) ?? load('session', this.#storageKey);
  }

  bind(): void {
    const pairing = this.#pairing;
    if (!pairing || this.#channel || typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(`vs-deck:${this.deck.id}:${pairing}`);
    channel.addEventListener('message', this.#onMessage);
    this.#channel = channel;
    this.#offs.push(
      this.navigation.on('change', ({ index, origin }) => origin !== 'sync' && this.#post({ type: 'goto', index })),
      this.modes.on(
        'change',
        ({ mode, on, origin }) => mode === 'blackout' && origin !== 'sync' && this.#post({ type: 'blackout', on }),
      ),
    );
    this.#post({ type: 'hello' });
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#channel?.close();
    this.#channel = undefined;
  }

  /** Opens the cloned window (or brings it back to the front) on the current slide. */
  openClone(): void {
    if (this.#clone && !this.#clone.closed) {
      this.#clone.focus();
      return;
    }
    const pairing = this.#pairing ?? Math.random().toString(36).slice(2, 12);
    save('session', this.#storageKey, pairing);
    this.bind();
    const url = new URL(location.href);
    url.searchParams.set(CLONE_PARAM, pairing);
    url.hash = `#${this.navigation.index + 1}`;
    this.#clone = window.open(url, `vs-clone-${this.deck.id}`);
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }

  readonly #onMessage = ({ data }: MessageEvent): void => {
    if (!isMessage(data)) return;
    if (data.type === 'hello') {
      this.#post({ type: 'goto', index: this.navigation.index });
      this.emit('hello', undefined);
    } else if (data.type === 'demo') this.emit('demo', { key: data.key, state: data.state });
    else if (data.type === 'poll') this.emit('poll', data.view);
    else if (data.type === 'hall') this.emit('hall', data.shown);
    else if (data.type === 'zoom') this.emit('zoom', data.view);
    else if (data.type === 'goto') this.navigation.goTo(data.index, 'sync');
    else this.modes.set('blackout', data.on, 'sync');
  };
}
