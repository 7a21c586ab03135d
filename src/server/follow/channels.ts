import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  FOLLOW_DEMO_EVENT,
  FOLLOW_EVENT,
  MAX_DEMOS_PER_DECK,
  PRESENTER_LIVE_MS,
  type FollowState,
  type LectureTimer,
} from '../../shared/follow';
import { HttpError } from '../kit/errors';
import { LocalFanOut, LocalMaps, type FanOut, type SharedMaps } from '../kit/fanout';
import { EventStreams, type EventClient, type StreamLimits } from '../kit/sse';

export interface FollowChannelsOptions {
  /** The decks the site has (ids of the built `slides/<id>/`); others exist only once a presenter opened them. */
  decks: Iterable<string>;
  /** Channels of decks the site does not have that presenters may open at once. */
  maxOpened?: number;
  streams?: Partial<StreamLimits>;
  /** How long a presenter counts as live after a publish. */
  liveMs?: number;
  /** Carries every channel event to the followers on all instances; this process alone by default. */
  fanOut?: FanOut;
  /** Each deck's keyed state (slide, demos, …) as all instances see it; in this process by default. */
  maps?: SharedMaps;
}

/** The topic of all follow events; each message names its deck. */
const TOPIC = 'follow';
/** Key of the lecturer's slide in a deck's state; every other key is sent to followers as its event on connect. */
const SLIDE_KEY = 'slide';
const DEMO_PREFIX = 'demo:';

/** One event of a deck's channel, as it crosses instances. */
export interface ChannelMessage {
  deck: string;
  event: string;
  data: unknown;
  /** A presenter's "still here": it keeps the deck live on every instance, followers see nothing. */
  silent?: boolean;
}

interface Channel {
  /** The newest slide state this instance has seen. */
  slide: FollowState;
  /** Followers connected to this instance; a list holds what arrived while a follower's start state was read. */
  followers: Map<EventClient, ChannelMessage[] | undefined>;
  /** Ends `live` when the presenter stops publishing without saying goodbye. */
  expiry?: NodeJS.Timeout;
}

const idle = (deck: string): FollowState => ({ deck, index: null, updatedAt: null, live: false, blackout: false });

/**
 * One channel per deck: the lecturer's current slide, keyed state such as the demos', and the
 * open event streams of its followers. Events travel through the fan-out and state lives in the
 * shared maps, so with Redis a presenter on one instance drives followers on all of them and a
 * late joiner anywhere gets the current state. A stranger can neither make up decks nor hold
 * more streams than the kit allows.
 */
export class FollowChannels {
  readonly #decks: ReadonlySet<string>;
  readonly #maxOpened: number;
  readonly #channels = new Map<string, Channel>();
  readonly #streams: EventStreams;
  readonly #liveMs: number;
  readonly #fanOut: FanOut;
  readonly #maps: SharedMaps;
  #listening: Promise<void> | undefined;

  constructor(options: FollowChannelsOptions) {
    this.#liveMs = options.liveMs ?? PRESENTER_LIVE_MS;
    this.#decks = new Set(options.decks);
    this.#maxOpened = options.maxOpened ?? 200;
    this.#streams = new EventStreams({ total: 5000, ...options.streams });
    this.#fanOut = options.fanOut ?? new LocalFanOut();
    this.#maps = options.maps ?? new LocalMaps();
  }

  get followers(): number {
    return this.#streams.size;
  }

  /** Starts taking the channel events of all instances; before it, nothing reaches followers. */
  listen(): Promise<void> {
    this.#listening ??= this.#fanOut.subscribe(TOPIC, (message) => this.#receive(message as ChannelMessage));
    return this.#listening;
  }

  /** Throws 404 for a deck nobody can follow: the site does not have it and no presenter opened it. */
  async require(deck: string): Promise<void> {
    if (this.#decks.has(deck) || this.#channels.has(deck)) return;
    if ((await this.#maps.entries(deck)).has(SLIDE_KEY)) return;
    throw new HttpError(404, `Den Foliensatz „${deck}“ gibt es nicht.`, { field: 'deck' });
  }

  async state(deck: string): Promise<FollowState> {
    await this.require(deck);
    return this.#slideOf(deck, await this.#maps.entries(deck));
  }

  /** The presenter's slide and blackout; opens the deck's channel when the site does not have it. */
  async publish(deck: string, index: number, blackout = false, timer?: LectureTimer): Promise<FollowState> {
    this.#channel(deck);
    const previous = this.#slideOf(deck, await this.#maps.entries(deck));
    const state: FollowState = { deck, index, updatedAt: new Date().toISOString(), live: true, blackout };
    if (timer) state.timer = timer;
    await this.#maps.set(deck, SLIDE_KEY, state);
    // A publish that only says "still here" is not news for the followers; a running timer's time is not either.
    const sameTimer =
      previous.timer?.running === timer?.running && (timer?.running || previous.timer?.elapsedMs === timer?.elapsedMs);
    const silent = previous.index === index && previous.blackout === blackout && previous.live && sameTimer;
    await this.#fanOut.publish(TOPIC, { deck, event: FOLLOW_EVENT, data: state, silent } satisfies ChannelMessage);
    return state;
  }

  /** Keeps a demo's state for followers and sends it to those connected; returns how many demos the deck has. */
  async setDemo(deck: string, key: string, state: unknown): Promise<number> {
    this.#channel(deck);
    const demos = [...(await this.#maps.entries(deck)).keys()].filter((name) => name.startsWith(DEMO_PREFIX));
    const known = demos.includes(DEMO_PREFIX + key);
    if (!known && demos.length >= MAX_DEMOS_PER_DECK) {
      throw new HttpError(409, `Zu viele Demos in diesem Foliensatz (höchstens ${MAX_DEMOS_PER_DECK}).`, {
        limit: MAX_DEMOS_PER_DECK,
      });
    }
    await this.share(deck, FOLLOW_DEMO_EVENT, { key, state }, DEMO_PREFIX + key);
    return known ? demos.length : demos.length + 1;
  }

  /**
   * Sends `event` with `data` to the deck's followers on every instance. With `key`, `data` is
   * also kept as the deck's state under that key and sent to each follower that connects while
   * the presenter is live.
   */
  async share(deck: string, event: string, data: unknown, key?: string): Promise<void> {
    if (key !== undefined) await this.#maps.set(deck, key, { event, data });
    await this.#fanOut.publish(TOPIC, { deck, event, data } satisfies ChannelMessage);
  }

  /** Answers `request` with the deck's event stream; it starts with the current slide when there is one. */
  async open(deck: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.require(deck);
    this.#streams.admit(request);
    const channel = this.#channel(deck);
    const client = this.#streams.open(request, reply, () => this.#leave(deck, channel, client));
    channel.followers.set(client, []);
    try {
      const entries = await this.#maps.entries(deck);
      const slide = this.#slideOf(deck, entries);
      if (slide.index !== null) client.send(FOLLOW_EVENT, slide);
      if (slide.live) {
        for (const [key, value] of entries) {
          if (key === SLIDE_KEY) continue;
          const { event, data } = value as { event: string; data: unknown };
          client.send(event, data);
        }
      }
    } catch {
      // The shared state is out of reach: the follower still gets every event from now on.
    }
    const backlog = channel.followers.get(client);
    if (!backlog) return;
    channel.followers.set(client, undefined);
    for (const message of backlog) client.send(message.event, message.data);
  }

  closeAll(): void {
    for (const channel of this.#channels.values()) clearTimeout(channel.expiry);
    this.#streams.closeAll();
  }

  /** The stored slide, no longer live once the presenter has been silent for `liveMs`. */
  #slideOf(deck: string, entries: Map<string, unknown>): FollowState {
    const stored = entries.get(SLIDE_KEY) as FollowState | undefined;
    if (!stored) return idle(deck);
    const fresh = stored.updatedAt !== null && Date.now() - Date.parse(stored.updatedAt) < this.#liveMs;
    return stored.live && fresh ? stored : { ...stored, live: false, blackout: false };
  }

  #receive(message: ChannelMessage): void {
    const channel = this.#channels.get(message.deck) ?? this.#create(message.deck);
    if (message.event === FOLLOW_EVENT) {
      channel.slide = message.data as FollowState;
      clearTimeout(channel.expiry);
      channel.expiry = setTimeout(() => void this.#end(message.deck, channel), this.#liveMs).unref();
    }
    if (message.silent) return;
    for (const [client, backlog] of channel.followers) {
      if (backlog) backlog.push(message);
      else client.send(message.event, message.data);
    }
  }

  #channel(deck: string): Channel {
    const channel = this.#channels.get(deck);
    if (channel) return channel;
    if (!this.#decks.has(deck) && this.#opened() >= this.#maxOpened) this.#evictIdle();
    if (!this.#decks.has(deck) && this.#opened() >= this.#maxOpened) {
      throw new HttpError(
        503,
        `Zu viele Foliensätze gleichzeitig live (höchstens ${this.#maxOpened}).`,
        { limit: this.#maxOpened },
        5,
      );
    }
    return this.#create(deck);
  }

  #create(deck: string): Channel {
    const channel: Channel = { slide: idle(deck), followers: new Map() };
    this.#channels.set(deck, channel);
    return channel;
  }

  /**
   * The presenter fell silent: followers learn that the lecture is no longer live, and the
   * deck's other state is dropped. Every instance does this on its own timer; dropping twice is harmless.
   */
  async #end(deck: string, channel: Channel): Promise<void> {
    channel.expiry = undefined;
    channel.slide = { ...channel.slide, live: false, blackout: false };
    for (const client of channel.followers.keys()) client.send(FOLLOW_EVENT, channel.slide);
    try {
      const keys = [...(await this.#maps.entries(deck)).keys()].filter((key) => key !== SLIDE_KEY);
      await this.#maps.remove(deck, keys);
    } catch {
      // Out of reach: a follower that connects later gets no demo of a lecture that is not live.
    }
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
    if (channel.followers.size === 0 && channel.slide.index === null) this.#channels.delete(deck);
  }
}
