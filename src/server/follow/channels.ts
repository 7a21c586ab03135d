import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FOLLOW_DEMO_EVENT,
  FOLLOW_EVENT,
  MAX_DEMOS_PER_DECK,
  PRESENTER_LIVE_MS,
  type FollowState,
} from '../../shared/follow';
import { HttpError } from '../kit/errors';
import { EventStreams, type EventClient, type StreamLimits } from '../kit/sse';

export interface FollowChannelsOptions {
  /** The decks the site has (ids of the built `slides/<id>/`); others exist only once a presenter opened them. */
  decks: Iterable<string>;
  /** Channels of decks the site does not have that presenters may open at once. */
  maxOpened?: number;
  streams?: Partial<StreamLimits>;
  /** How long a presenter counts as live after a publish. */
  liveMs?: number;
}

interface Channel {
  state: FollowState;
  followers: Set<EventClient>;
  /** The presenter's demo states by key, sent to every follower that connects. */
  demos: Map<string, unknown>;
  /** Ends `live` when the presenter stops publishing without saying goodbye. */
  expiry?: NodeJS.Timeout;
}

/**
 * One channel per deck: the lecturer's current slide and the open event streams of its
 * followers. A stranger can neither make up decks nor hold more streams than the kit allows.
 */
export class FollowChannels {
  readonly #decks: ReadonlySet<string>;
  readonly #maxOpened: number;
  readonly #channels = new Map<string, Channel>();
  readonly #streams: EventStreams;
  readonly #liveMs: number;

  constructor(options: FollowChannelsOptions) {
    this.#liveMs = options.liveMs ?? PRESENTER_LIVE_MS;
    this.#decks = new Set(options.decks);
    this.#maxOpened = options.maxOpened ?? 200;
    this.#streams = new EventStreams({ total: 5000, ...options.streams });
  }

  get followers(): number {
    return this.#streams.size;
  }

  /** Whether followers may ask for `deck`: the site has it, or a presenter opened it. */
  has(deck: string): boolean {
    return this.#decks.has(deck) || this.#channels.has(deck);
  }

  /** Throws 404 for a deck nobody can follow. */
  require(deck: string): void {
    if (!this.has(deck)) throw new HttpError(404, `Den Foliensatz „${deck}“ gibt es nicht.`, { field: 'deck' });
  }

  state(deck: string): FollowState {
    this.require(deck);
    return this.#channels.get(deck)?.state ?? idle(deck);
  }

  /** The presenter's slide and blackout; opens the deck's channel when the site does not have it. */
  publish(deck: string, index: number, blackout = false): FollowState {
    const channel = this.#channel(deck);
    const changed = channel.state.index !== index || channel.state.blackout !== blackout || !channel.state.live;
    channel.state = { deck, index, updatedAt: new Date().toISOString(), live: true, blackout };
    clearTimeout(channel.expiry);
    channel.expiry = setTimeout(() => this.#end(channel), this.#liveMs).unref();
    // A publish that only says "still here" is not news for the followers.
    if (changed) for (const client of channel.followers) client.send(FOLLOW_EVENT, channel.state);
    return channel.state;
  }

  /** Keeps a demo's state for followers and sends it to those connected; returns how many demos the deck has. */
  setDemo(deck: string, key: string, state: unknown): number {
    const channel = this.#channel(deck);
    if (!channel.demos.has(key) && channel.demos.size >= MAX_DEMOS_PER_DECK) {
      throw new HttpError(409, `Zu viele Demos in diesem Foliensatz (höchstens ${MAX_DEMOS_PER_DECK}).`, {
        limit: MAX_DEMOS_PER_DECK,
      });
    }
    channel.demos.set(key, state);
    for (const client of channel.followers) client.send(FOLLOW_DEMO_EVENT, { key, state });
    return channel.demos.size;
  }

  /**
   * Sends an event to the deck's followers as it is. What such an event carries (a poll) is kept
   * by the service that sends it, which also answers late joiners.
   */
  broadcast(deck: string, event: string, data: unknown): void {
    const channel = this.#channels.get(deck);
    if (channel) for (const client of channel.followers) client.send(event, data);
  }

  /** Answers `request` with the deck's event stream; it starts with the current slide when there is one. */
  open(deck: string, request: FastifyRequest, reply: FastifyReply): void {
    this.require(deck);
    this.#streams.admit(request);
    const channel = this.#channel(deck);
    const client = this.#streams.open(request, reply, () => this.#leave(deck, channel, client));
    if (channel.state.index !== null) client.send(FOLLOW_EVENT, channel.state);
    for (const [key, state] of channel.demos) client.send(FOLLOW_DEMO_EVENT, { key, state });
    channel.followers.add(client);
  }

  closeAll(): void {
    for (const channel of this.#channels.values()) clearTimeout(channel.expiry);
    this.#streams.closeAll();
  }

  #channel(deck: string): Channel {
    let channel = this.#channels.get(deck);
    if (!channel) {
      if (!this.#decks.has(deck) && this.#opened() >= this.#maxOpened) this.#evictIdle();
      if (!this.#decks.has(deck) && this.#opened() >= this.#maxOpened) {
        throw new HttpError(
          503,
          `Zu viele Foliensätze gleichzeitig live (höchstens ${this.#maxOpened}).`,
          { limit: this.#maxOpened },
          5,
        );
      }
      channel = { state: idle(deck), followers: new Set(), demos: new Map() };
      this.#channels.set(deck, channel);
    }
    return channel;
  }

  /** The presenter fell silent: followers learn that the lecture is no longer live. */
  #end(channel: Channel): void {
    channel.state = { ...channel.state, live: false, blackout: false };
    channel.demos.clear();
    for (const client of channel.followers) client.send(FOLLOW_EVENT, channel.state);
  }

  #opened(): number {
    let opened = 0;
    for (const deck of this.#channels.keys()) if (!this.#decks.has(deck)) opened += 1;
    return opened;
  }

  /** Frees the oldest presenter-opened channel that nobody follows. */
  #evictIdle(): void {
    for (const [deck, channel] of this.#channels) {
      if (!this.#decks.has(deck) && channel.followers.size === 0) {
        clearTimeout(channel.expiry);
        this.#channels.delete(deck);
        return;
      }
    }
  }

  #leave(deck: string, channel: Channel, client: EventClient): void {
    channel.followers.delete(client);
    if (channel.followers.size === 0 && channel.state.index === null) this.#channels.delete(deck);
  }
}

function idle(deck: string): FollowState {
  return { deck, index: null, updatedAt: null, live: false, blackout: false };
}
