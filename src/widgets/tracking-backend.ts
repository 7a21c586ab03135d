import type { Visit, VisitPage, VisitStats } from '../shared/tracking';
import { request } from './connection';
import type { MinuteCount } from './tracking-chart';

export interface TrackingStart {
  total: number;
  minutes: MinuteCount[];
  /** Newest first. */
  visits: Visit[];
}

export interface TrackingFeed {
  visit(visit: Visit): void;
  cleared(): void;
  /** The feed broke; the model checks whether the server is still there. */
  broken(): void;
}

/**
 * Where the tracking demo's figures come from: the tracking server (LiveVisits) or a made-up
 * lecture hall (SimulatedVisits, tracking-simulation.ts). An unreachable server throws
 * ServerUnreachableError.
 */
export interface TrackingBackend {
  readonly simulated: boolean;
  load(minutes: number, visits: number): Promise<TrackingStart>;
  /** Visits after `after` as they come; returns the off switch. */
  subscribe(after: number, feed: TrackingFeed): () => void;
  /** Sends a visit and says in German what became of it. */
  send(path: string, referrer: string): Promise<string>;
  reachable(): Promise<boolean>;
}

async function json<T>(server: string, path: string): Promise<T> {
  const response = await request(server, path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The tracking server: figures over HTTP, new visits as Server-Sent Events. */
export class LiveVisits implements TrackingBackend {
  readonly simulated = false;

  constructor(readonly server: string) {}

  async load(minutes: number, visits: number): Promise<TrackingStart> {
    const [stats, page] = await Promise.all([
      json<VisitStats>(this.server, '/api/visits/stats?bucket=minute'),
      json<VisitPage>(this.server, `/api/visits?limit=${visits}`),
    ]);
    return {
      total: stats.total,
      minutes: stats.counts.slice(-minutes).map((bucket) => ({ start: Date.parse(bucket.start), count: bucket.count })),
      visits: page.visits,
    };
  }

  subscribe(after: number, feed: TrackingFeed): () => void {
    const events = new EventSource(`${this.server}/api/visits/stream?after=${after}`);
    events.addEventListener('visit', (event) => feed.visit(JSON.parse((event as MessageEvent<string>).data) as Visit));
    events.addEventListener('cleared', () => feed.cleared());
    events.addEventListener('error', () => feed.broken());
    return () => events.close();
  }

  async send(path: string, referrer: string): Promise<string> {
    // text/plain, like navigator.sendBeacon: no CORS preflight when the server is elsewhere.
    const response = await request(this.server, '/api/visits', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ path, referrer }),
    });
    const instance = response.headers.get('x-instance');
    if (response.status === 201) return instance ? `Besuch gespeichert von ${instance}.` : 'Besuch gespeichert.';
    if (response.status === 202) return 'Nicht gezählt: der Server hält diesen Browser für einen Bot.';
    if (response.status === 429) {
      const seconds = response.headers.get('retry-after') ?? '1';
      return `Zu viele Besuche in kurzer Zeit – bitte in ${seconds} s noch einmal.`;
    }
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return `Der Server hat den Besuch abgelehnt (HTTP ${response.status}): ${body.message ?? ''}`;
  }

  async reachable(): Promise<boolean> {
    try {
      await request(this.server, '/api/visits/status');
      return true;
    } catch {
      return false;
    }
  }
}
