import { PassThrough } from 'node:stream';
import type { Visit, VisitEventName } from '../../shared/tracking';

const HEARTBEAT_MS = 20_000;
/** A client this far behind is too slow to follow; it is dropped and reconnects later. */
const MAX_BUFFERED_BYTES = 1 << 20;
const RETRY_MS = 2000;

interface Client {
  body: PassThrough;
  /** Events published while the client's replay is still being read from the store. */
  backlog: { id: number | undefined; text: string }[] | undefined;
}

function format(event: VisitEventName, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Server-Sent Events fan-out of committed visits to every connected client. */
export class VisitStream {
  private readonly clients = new Set<Client>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(readonly maxClients = 1000) {}

  get size(): number {
    return this.clients.size;
  }

  /**
   * A new client's response body. `replay` reads what it missed since its Last-Event-ID;
   * visits committed meanwhile are held back and sent after the replay, without repeats.
   */
  open(replay?: () => Promise<Visit[]>): PassThrough {
    const client: Client = { body: new PassThrough(), backlog: replay ? [] : undefined };
    client.body.write(`retry: ${RETRY_MS}\n\n`);
    client.body.on('close', () => this.remove(client));
    this.clients.add(client);
    this.heartbeat ??= setInterval(() => this.broadcast(': heartbeat\n\n'), HEARTBEAT_MS).unref();
    if (replay) void this.replay(client, replay);
    return client.body;
  }

  publish(event: 'visit', visit: Visit): void;
  publish(event: 'cleared'): void;
  publish(event: VisitEventName, visit?: Visit): void {
    if (this.clients.size === 0) return;
    const text = format(event, visit ?? {}, visit?.id);
    for (const client of this.clients) {
      if (client.backlog) client.backlog.push({ id: visit?.id, text });
      else this.write(client, text);
    }
  }

  closeAll(): void {
    for (const client of this.clients) client.body.end();
  }

  private async replay(client: Client, replay: () => Promise<Visit[]>): Promise<void> {
    let last = 0;
    try {
      for (const visit of await replay()) {
        this.write(client, format('visit', visit, visit.id));
        last = visit.id;
      }
    } catch {
      // The client still gets everything from now on; its list may have a gap.
    }
    const backlog = client.backlog ?? [];
    client.backlog = undefined;
    for (const event of backlog) {
      if (event.id === undefined || event.id > last) this.write(client, event.text);
    }
  }

  private broadcast(text: string): void {
    for (const client of this.clients) this.write(client, text);
  }

  private write(client: Client, text: string): void {
    if (client.body.writableLength > MAX_BUFFERED_BYTES) client.body.destroy();
    else client.body.write(text);
  }

  private remove(client: Client): void {
    this.clients.delete(client);
    if (this.clients.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = undefined;
    }
  }
}
