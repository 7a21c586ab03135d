import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Visit, VisitEventName } from '../../shared/tracking';
import { LocalFanOut, type FanOut } from '../kit/fanout';
import { EventStreams, type EventClient, type StreamLimits } from '../kit/sse';

const TOPIC = 'visits';

/** Visits held back for one client while its replay is read; a client further behind is cut. */
const MAX_BACKLOG = 1000;

interface Pending {
  id: number | undefined;
  event: VisitEventName;
  data: unknown;
}

/**
 * Server-Sent Events of committed visits to every connected client. A visit recorded on any
 * instance reaches the clients of all of them through the fan-out.
 */
export class VisitStream {
  readonly #streams: EventStreams;
  readonly #fanOut: FanOut;
  /** Per client: events published while its replay is still being read from the store. */
  readonly #backlogs = new Map<EventClient, Pending[] | undefined>();

  constructor(limits: Partial<StreamLimits> = {}, fanOut: FanOut = new LocalFanOut()) {
    this.#streams = new EventStreams(limits);
    this.#fanOut = fanOut;
  }

  /** Starts taking the visits of all instances. */
  listen(): Promise<void> {
    return this.#fanOut.subscribe(TOPIC, (message) => {
      const { event, visit } = message as { event: VisitEventName; visit?: Visit };
      this.#deliver(event, visit);
    });
  }

  get size(): number {
    return this.#streams.size;
  }

  /**
   * Answers `request` with the stream. `replay` reads what the client missed since its
   * Last-Event-ID; visits committed meanwhile are held back and sent after it, without repeats.
   */
  open(request: FastifyRequest, reply: FastifyReply, replay?: () => Promise<Visit[]>): void {
    const client = this.#streams.open(request, reply, (gone) => this.#backlogs.delete(gone));
    this.#backlogs.set(client, replay ? [] : undefined);
    if (replay) void this.#replay(client, replay);
  }

  publish(event: 'visit', visit: Visit): void;
  publish(event: 'cleared'): void;
  publish(event: VisitEventName, visit?: Visit): void {
    // A visit that cannot be shared is still stored: a client that reconnects gets it in its replay.
    this.#fanOut.publish(TOPIC, { event, visit }).catch(() => {});
  }

  #deliver(event: VisitEventName, visit: Visit | undefined): void {
    const data = visit ?? {};
    for (const [client, backlog] of this.#backlogs) {
      if (!backlog) client.send(event, data, visit?.id);
      else if (backlog.length < MAX_BACKLOG) backlog.push({ id: visit?.id, event, data });
      else client.end();
    }
  }

  closeAll(): void {
    this.#streams.closeAll();
  }

  async #replay(client: EventClient, replay: () => Promise<Visit[]>): Promise<void> {
    let last = 0;
    try {
      for (const visit of await replay()) {
        if (!client.send('visit', visit, visit.id)) await client.drained();
        last = visit.id;
      }
    } catch {
      // The client still gets everything from now on; its list may have a gap.
    }
    const backlog = this.#backlogs.get(client) ?? [];
    if (!this.#backlogs.has(client)) return;
    this.#backlogs.set(client, undefined);
    for (const { id, event, data } of backlog) {
      if (id === undefined || id > last) client.send(event, data, id);
    }
  }
}
