import { once } from 'node:events';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export interface StreamLimits {
  /** Open streams of one client (its IP, or the forwarded one with TRUST_PROXY). */
  perClient: number;
  /** Open streams of the whole service. */
  total: number;
  /** Bytes a client may have unsent; one that falls further behind is not reading and is cut. */
  bufferBytes: number;
  heartbeatMs: number;
  /** The `retry:` a browser waits before it reconnects. */
  retryMs: number;
}

export const STREAM_LIMITS: StreamLimits = {
  perClient: 16,
  total: 1000,
  bufferBytes: 32 * 1024,
  heartbeatMs: 20_000,
  retryMs: 2000,
};

/** The seconds a refused client is asked to wait. */
const REFUSED_RETRY_S = 5;

/** One open event stream. */
export class EventClient {
  constructor(
    private readonly response: ServerResponse,
    private readonly bufferBytes: number,
  ) {}

  get open(): boolean {
    return !this.response.destroyed && !this.response.writableEnded;
  }

  /** Sends one event; false when the caller should wait for `drained()` before sending more. */
  send(event: string, data: unknown, id?: number): boolean {
    return this.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes raw stream text; a client that has not taken what it got before is cut instead. */
  write(text: string): boolean {
    if (!this.open) return false;
    if (this.response.writableLength > this.bufferBytes) {
      this.response.destroy();
      return false;
    }
    return this.response.write(text);
  }

  /** Resolves once the client has taken what was written, or is gone. */
  async drained(): Promise<void> {
    if (!this.open || !this.response.writableNeedDrain) return;
    await Promise.race([once(this.response, 'drain'), once(this.response, 'close')]);
  }

  end(): void {
    this.response.end();
  }
}

/**
 * Server-Sent Events for one service: every stream gets `retry:` and a heartbeat; the number
 * of streams is capped per client and in total (429 and 503, both with Retry-After), and a
 * client that stops reading is cut once its unsent bytes pass the buffer cap, so it costs at
 * most that much memory.
 */
export class EventStreams {
  readonly limits: StreamLimits;
  readonly #clients = new Set<EventClient>();
  readonly #perClient = new Map<string, number>();
  #heartbeat: NodeJS.Timeout | undefined;

  constructor(limits: Partial<StreamLimits> = {}) {
    this.limits = { ...STREAM_LIMITS, ...limits };
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Throws the refusal when `request`'s client may not open another stream. */
  admit(request: FastifyRequest): void {
    const { total, perClient } = this.limits;
    if (this.#clients.size >= total) {
      throw new HttpError(
        503,
        `Zu viele offene Event-Streams (höchstens ${total}). Bitte später erneut versuchen.`,
        { limit: total },
        REFUSED_RETRY_S,
      );
    }
    if ((this.#perClient.get(request.ip) ?? 0) >= perClient) {
      throw new HttpError(
        429,
        `Von Ihrer Adresse sind schon ${perClient} Event-Streams offen. Schließen Sie einen, bevor Sie einen neuen öffnen.`,
        { limit: perClient },
        REFUSED_RETRY_S,
      );
    }
  }

  /**
   * Answers `request` with an event stream (or throws the refusal). Headers set on `reply`
   * before (CORS) are kept. `onClose` runs once when the client is gone or the stream ended.
   */
  open(request: FastifyRequest, reply: FastifyReply, onClose?: (client: EventClient) => void): EventClient {
    this.admit(request);
    const ip = request.ip;
    const response = reply.raw;
    reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .hijack();
    response.writeHead(200, reply.getHeaders() as OutgoingHttpHeaders);
    response.write(`retry: ${this.limits.retryMs}\n\n`);
    const client = new EventClient(response, this.limits.bufferBytes);
    this.#clients.add(client);
    this.#perClient.set(ip, (this.#perClient.get(ip) ?? 0) + 1);
    this.#heartbeat ??= setInterval(() => this.broadcast(': heartbeat\n\n'), this.limits.heartbeatMs).unref();
    response.once('close', () => {
      this.#clients.delete(client);
      const left = (this.#perClient.get(ip) ?? 1) - 1;
      if (left > 0) this.#perClient.set(ip, left);
      else this.#perClient.delete(ip);
      if (this.#clients.size === 0) {
        clearInterval(this.#heartbeat);
        this.#heartbeat = undefined;
      }
      onClose?.(client);
    });
    return client;
  }

  broadcast(text: string): void {
    for (const client of this.#clients) client.write(text);
  }

  /** Ends every stream; open streams would keep the server from closing. */
  closeAll(): void {
    for (const client of this.#clients) client.end();
  }
}
