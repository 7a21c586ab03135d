import type { Visit } from '../shared/tracking';
import type { TrackingBackend, TrackingFeed, TrackingStart } from './tracking-backend';

/** Networks reserved for documentation (RFC 5737, RFC 3849): no real client is shown. */
const NETWORKS = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8:4711::/48'];
const PAGES = ['/', '/praesentationen.html', '/slides/kapitel-2/', '/quiz/kapitel-2/', '/visits'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
];

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/**
 * A made-up lecture hall for when the server cannot be reached: plausible counts for the
 * minutes before now, then a visit at random every one to three seconds. The widget labels
 * everything it shows from here as simulated.
 */
export class SimulatedVisits implements TrackingBackend {
  readonly simulated = true;
  #nextId = 1;
  #feed: TrackingFeed | undefined;

  load(minutes: number): Promise<TrackingStart> {
    const current = Math.floor(Date.now() / 60_000) * 60_000;
    return Promise.resolve({
      total: 0,
      minutes: Array.from({ length: minutes }, (_, index) => ({
        start: current - (minutes - 1 - index) * 60_000,
        count: index === minutes - 1 ? 0 : 5 + Math.round(Math.random() * 20),
      })),
      visits: [],
    });
  }

  subscribe(_after: number, feed: TrackingFeed): () => void {
    this.#feed = feed;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      feed.visit(this.#visit(pick(PAGES), ''));
      timer = setTimeout(tick, 1000 + Math.random() * 2000);
    };
    timer = setTimeout(tick, 800);
    return () => {
      clearTimeout(timer);
      if (this.#feed === feed) this.#feed = undefined;
    };
  }

  send(path: string, referrer: string): Promise<string> {
    this.#feed?.visit(this.#visit(path, referrer));
    return Promise.resolve('Simulierter Besuch hinzugefügt.');
  }

  reachable(): Promise<boolean> {
    return Promise.resolve(false);
  }

  #visit(path: string, referrer: string): Visit {
    return {
      id: this.#nextId++,
      at: new Date().toISOString(),
      ip: pick(NETWORKS),
      path,
      referrer,
      userAgent: pick(AGENTS),
    };
  }
}
