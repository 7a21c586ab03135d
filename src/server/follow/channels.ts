import { PassThrough } from 'node:stream';
import { FOLLOW_EVENT, type FollowState } from '../../shared/follow';

const HEARTBEAT_MS = 20_000;
/** A follower this far behind is not reading; it is dropped and its browser reconnects. */
const MAX_BUFFERED_BYTES = 64 * 1024;
const RETRY_MS = 2000;

export class FollowLimitError extends Error {}

interface Channel {
  state: FollowState;
  followers: Set<PassThrough>;
}

function format(state: FollowState): string {
  return `event: ${FOLLOW_EVENT}\ndata: ${JSON.stringify(state)}\n\n`;
}

/**
 * One channel per deck: the lecturer's current slide and the open event streams of its
 * followers. Channels and followers are bounded, so a stranger cannot grow memory at will.
 */
export class FollowChannels {
  readonly #channels = new Map<string, Channel>();
  #heartbeat: NodeJS.Timeout | undefined;
  #followers = 0;

  constructor(
    readonly maxChannels = 200,
    readonly maxFollowers = 5000,
  ) {}

  get followers(): number {
    return this.#followers;
  }

  state(deck: string): FollowState {
    return this.#channels.get(deck)?.state ?? { deck, index: null, updatedAt: null };
  }

  publish(deck: string, index: number): FollowState {
    const channel = this.#channel(deck);
    channel.state = { deck, index, updatedAt: new Date().toISOString() };
    if (channel.followers.size > 0) {
      const text = format(channel.state);
      for (const body of channel.followers) this.#write(body, text);
    }
    return channel.state;
  }

  /** A follower's response body; it starts with the current slide when there is one. */
  open(deck: string): PassThrough {
    if (this.#followers >= this.maxFollowers)
      throw new FollowLimitError('Zu viele Folgende, bitte später erneut versuchen');
    const channel = this.#channel(deck);
    const body = new PassThrough();
    body.write(`retry: ${RETRY_MS}\n\n`);
    if (channel.state.index !== null) body.write(format(channel.state));
    channel.followers.add(body);
    this.#followers += 1;
    body.on('close', () => this.#remove(deck, channel, body));
    this.#heartbeat ??= setInterval(() => this.#beat(), HEARTBEAT_MS).unref();
    return body;
  }

  closeAll(): void {
    for (const channel of this.#channels.values()) for (const body of channel.followers) body.end();
  }

  #channel(deck: string): Channel {
    let channel = this.#channels.get(deck);
    if (!channel) {
      if (this.#channels.size >= this.maxChannels) this.#evictIdle();
      if (this.#channels.size >= this.maxChannels) throw new FollowLimitError('Zu viele Foliensätze gleichzeitig live');
      channel = { state: this.state(deck), followers: new Set() };
      this.#channels.set(deck, channel);
    }
    return channel;
  }

  /** Frees the oldest channel that nobody follows. */
  #evictIdle(): void {
    for (const [deck, channel] of this.#channels) {
      if (channel.followers.size === 0) {
        this.#channels.delete(deck);
        return;
      }
    }
  }

  #write(body: PassThrough, text: string): void {
    if (body.writableLength > MAX_BUFFERED_BYTES) body.destroy();
    else body.write(text);
  }

  #beat(): void {
    for (const channel of this.#channels.values())
      for (const body of channel.followers) this.#write(body, ': heartbeat\n\n');
  }

  #remove(deck: string, channel: Channel, body: PassThrough): void {
    channel.followers.delete(body);
    this.#followers -= 1;
    if (channel.followers.size === 0 && channel.state.index === null) this.#channels.delete(deck);
    if (this.#followers === 0 && this.#heartbeat) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = undefined;
    }
  }
}
