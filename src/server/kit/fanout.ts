import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import pg from 'pg';
import { StartupError } from '../config';

/** Where messages between instances travel: nowhere (one instance), Redis pub/sub, or PostgreSQL LISTEN/NOTIFY. */
export type SharedMode = 'lokal' | 'redis' | 'postgres';

type Listener = (message: unknown) => void;

/**
 * Messages on named topics to every instance of the deployment, this one included: a stream
 * fed on one instance reaches its clients on all of them. A message is any JSON value.
 */
export interface FanOut {
  readonly mode: SharedMode;
  publish(topic: string, message: unknown): Promise<void>;
  /** `listener` gets every later message on `topic`, from every instance. */
  subscribe(topic: string, listener: Listener): Promise<void>;
  close(): Promise<void>;
}

/** Keyed maps (one per scope, e.g. a deck) that every instance reads and writes alike. */
export interface SharedMaps {
  entries(scope: string): Promise<Map<string, unknown>>;
  set(scope: string, key: string, value: unknown): Promise<void>;
  remove(scope: string, keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** One instance: messages stay in this process, as a plain event emitter. */
export class LocalFanOut implements FanOut {
  readonly mode = 'lokal';
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  async publish(topic: string, message: unknown): Promise<void> {
    this.#emitter.emit(topic, message);
  }

  async subscribe(topic: string, listener: Listener): Promise<void> {
    this.#emitter.on(topic, listener);
  }

  async close(): Promise<void> {
    this.#emitter.removeAllListeners();
  }
}

export class LocalMaps implements SharedMaps {
  readonly #maps = new Map<string, Map<string, unknown>>();

  async entries(scope: string): Promise<Map<string, unknown>> {
    return new Map(this.#maps.get(scope));
  }

  async set(scope: string, key: string, value: unknown): Promise<void> {
    let map = this.#maps.get(scope);
    if (!map) this.#maps.set(scope, (map = new Map()));
    map.set(key, value);
  }

  async remove(scope: string, keys: string[]): Promise<void> {
    const map = this.#maps.get(scope);
    for (const key of keys) map?.delete(key);
    if (map?.size === 0) this.#maps.delete(scope);
  }

  async close(): Promise<void> {
    this.#maps.clear();
  }
}

/** Shared keys expire a day after their last write: a lecture's state never outlives the day. */
const SHARED_TTL_MS = 86_400_000;

/** Redis connections that fail fast instead of queueing commands while Redis is away. */
function connect(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
}

/** Redis pub/sub: one connection publishes, one listens; topics are channels under `prefix`. */
export class RedisFanOut implements FanOut {
  readonly mode = 'redis';
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  private constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.#publisher = connect(url);
    this.#subscriber = new Redis(url, { lazyConnect: true });
    this.#subscriber.on('message', (channel: string, text: string) => {
      this.#emitter.emit(channel.slice(this.prefix.length), JSON.parse(text));
    });
    // Connection errors show as failed publishes; the subscriber reconnects and resubscribes on its own.
    this.#publisher.on('error', () => {});
    this.#subscriber.on('error', () => {});
  }

  static async open(url: string, prefix: string): Promise<RedisFanOut> {
    const fanOut = new RedisFanOut(url, prefix);
    await Promise.all([fanOut.#publisher.connect(), fanOut.#subscriber.connect()]);
    return fanOut;
  }

  async publish(topic: string, message: unknown): Promise<void> {
    await this.#publisher.publish(this.prefix + topic, JSON.stringify(message));
  }

  async subscribe(topic: string, listener: Listener): Promise<void> {
    if (this.#emitter.listenerCount(topic) === 0) await this.#subscriber.subscribe(this.prefix + topic);
    this.#emitter.on(topic, listener);
  }

  async close(): Promise<void> {
    this.#emitter.removeAllListeners();
    this.#subscriber.disconnect();
    this.#publisher.disconnect();
  }
}

/** Keyed maps as Redis hashes under `prefix`, values as JSON. */
export class RedisMaps implements SharedMaps {
  readonly #redis: Redis;

  private constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.#redis = connect(url);
    this.#redis.on('error', () => {});
  }

  static async open(url: string, prefix: string): Promise<RedisMaps> {
    const maps = new RedisMaps(url, prefix);
    await maps.#redis.connect();
    return maps;
  }

  async entries(scope: string): Promise<Map<string, unknown>> {
    const hash = await this.#redis.hgetall(this.prefix + scope);
    return new Map(Object.entries(hash).map(([key, text]) => [key, JSON.parse(text) as unknown]));
  }

  async set(scope: string, key: string, value: unknown): Promise<void> {
    await this.#redis
      .multi()
      .hset(this.prefix + scope, key, JSON.stringify(value))
      .pexpire(this.prefix + scope, SHARED_TTL_MS)
      .exec();
  }

  async remove(scope: string, keys: string[]): Promise<void> {
    if (keys.length > 0) await this.#redis.hdel(this.prefix + scope, ...keys);
  }

  async close(): Promise<void> {
    this.#redis.disconnect();
  }
}

/**
 * PostgreSQL LISTEN/NOTIFY: one client listens, notifications go out through the same client.
 * A channel name is an identifier of at most 63 bytes, a payload at most 8,000 bytes: enough
 * for a visit, not meant for larger messages. When the connection drops (database restart, a
 * terminated backend), a new client connects and listens again on every topic; messages sent
 * in between are missed, as a pub/sub subscriber misses them.
 */
export class PostgresFanOut implements FanOut {
  readonly mode = 'postgres';
  #client: pg.Client | undefined;
  #closed = false;
  readonly #emitter = new EventEmitter().setMaxListeners(0);

  private constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  static async open(url: string, prefix: string): Promise<PostgresFanOut> {
    const fanOut = new PostgresFanOut(url, prefix);
    fanOut.#client = await fanOut.#connect();
    return fanOut;
  }

  /** A client listening on every topic with listeners; it reconnects once it ends unasked. */
  async #connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: `fanout ${this.prefix}`.slice(0, 63),
    });
    client.on('notification', ({ channel, payload }) => {
      if (payload !== undefined) this.#emitter.emit(channel.slice(this.prefix.length), JSON.parse(payload));
    });
    client.on('error', () => {});
    client.on('end', () => {
      if (client === this.#client && !this.#closed) this.#reconnect(1);
    });
    try {
      await client.connect();
      for (const topic of this.#emitter.eventNames()) await client.query(this.#listen(client, String(topic)));
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return client;
  }

  #reconnect(attempt: number): void {
    setTimeout(
      () => {
        if (this.#closed) return;
        this.#connect().then(
          (client) => {
            if (this.#closed) void client.end().catch(() => {});
            else this.#client = client;
          },
          () => this.#reconnect(attempt + 1),
        );
      },
      Math.min(100 * attempt, 1_000),
    ).unref();
  }

  #listen(client: pg.Client, topic: string): string {
    return `LISTEN ${client.escapeIdentifier(this.prefix + topic)}`;
  }

  async publish(topic: string, message: unknown): Promise<void> {
    await this.#client!.query('SELECT pg_notify($1, $2)', [this.prefix + topic, JSON.stringify(message)]);
  }

  async subscribe(topic: string, listener: Listener): Promise<void> {
    const first = this.#emitter.listenerCount(topic) === 0;
    this.#emitter.on(topic, listener);
    if (first) await this.#client!.query(this.#listen(this.#client!, topic));
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#emitter.removeAllListeners();
    await this.#client?.end().catch(() => {});
  }
}

export interface SharedConfig {
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  /** Prefix of every channel and key, so deployments sharing one Redis stay apart. */
  sharedPrefix: string;
}

/** Which instances see each other's streams, for the start-up line (German). */
export function sharedModeText(config: SharedConfig): string {
  if (config.redisUrl) return 'Redis verbindet die Instanzen: Besuche, Folgen, Demo-Zustand, Rate-Limits';
  if (config.databaseUrl) return 'PostgreSQL verbindet die Instanzen nur für Besuche; Folgen bleibt in dieser Instanz';
  return 'eine Instanz allein (kein REDIS_URL, kein DATABASE_URL)';
}

/** The shared backend a stream's messages take: Redis, else PostgreSQL where allowed, else this process. */
export async function openFanOut(config: SharedConfig, { postgres }: { postgres: boolean }): Promise<FanOut> {
  if (config.redisUrl)
    return reach('Redis', 'REDIS_URL', () => RedisFanOut.open(config.redisUrl!, config.sharedPrefix));
  if (postgres && config.databaseUrl) {
    const prefix = config.sharedPrefix.replace(/[^A-Za-z0-9_]/g, '_');
    return reach('PostgreSQL', 'DATABASE_URL', () => PostgresFanOut.open(config.databaseUrl!, prefix));
  }
  return new LocalFanOut();
}

/** Keyed state shared through Redis when REDIS_URL is set, else kept in this process. */
export async function openMaps(config: SharedConfig): Promise<SharedMaps> {
  if (!config.redisUrl) return new LocalMaps();
  return reach('Redis', 'REDIS_URL', () => RedisMaps.open(config.redisUrl!, `${config.sharedPrefix}state:`));
}

/**
 * The Redis the rate limits of all instances count in (`@fastify/rate-limit`'s store), under
 * its own namespace; none without REDIS_URL.
 */
export async function openLimitStore(config: SharedConfig, service: string): Promise<SharedLimits | undefined> {
  if (!config.redisUrl) return undefined;
  const redis = await reach('Redis', 'REDIS_URL', async () => {
    const client = connect(config.redisUrl!);
    client.on('error', () => {});
    await client.connect();
    return client;
  });
  return { redis, nameSpace: `${config.sharedPrefix}limit:${service}:` };
}

/** Options for `@fastify/rate-limit`: counters in Redis; while Redis is away, requests go through uncounted. */
export interface SharedLimits {
  redis: Redis;
  nameSpace: string;
}

async function reach<T>(name: string, variable: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw new StartupError(
      `${name} unter ${variable} ist nicht erreichbar (${(error as Error).message}). Prüfen Sie, ob der Dienst läuft, oder lassen Sie ${variable} leer.`,
    );
  }
}
