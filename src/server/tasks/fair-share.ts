import { QueueFullError, TaskServerError } from './errors';

/** How much of the task server one client (one IP, or the forwarded client behind a proxy) may hold. */
export interface FairShareLimits {
  /** Jobs of one client that run at once; its further jobs wait for their turn. */
  running: number;
  /** Jobs of one client waiting for a worker. */
  queued: number;
  /** Declared seconds of one client's waiting and running jobs together. */
  workSeconds: number;
  /** Jobs waiting in all, over all clients. */
  total: number;
  /** Jobs declaring more than this many seconds hold all worker places but one at most. */
  longJobSeconds: number;
}

/**
 * Sized for a lecture hall of 300: a student waits behind one job of each other client at most,
 * and the lecturer's "5 Jobs auf einmal" still spreads over four workers.
 */
export const DEFAULT_FAIR_SHARE: FairShareLimits = {
  running: 4,
  queued: 10,
  workSeconds: 180,
  total: 1_000,
  longJobSeconds: 10,
};

/** A client over its share: 429 with Retry-After, while every other client keeps being served. */
export class FairShareError extends TaskServerError {
  constructor(message: string, limit: number, retryAfterS: number) {
    super(429, message, { limit }, retryAfterS);
  }
}

export function tooManyQueued(waiting: number, limit: number, retryAfterS: number): FairShareError {
  return new FairShareError(
    `Sie haben schon ${waiting} Jobs in der Warteschlange (höchstens ${limit} je Client). ` +
      'Bitte warten Sie, bis einer davon fertig ist.',
    limit,
    retryAfterS,
  );
}

export function tooManySeconds(seconds: number, limit: number, retryAfterS: number): FairShareError {
  return new FairShareError(
    `Ihre Jobs hätten zusammen ${Math.ceil(seconds)} s Rechenzeit angemeldet ` +
      `(höchstens ${limit} s je Client). Bitte warten Sie, bis einer davon fertig ist.`,
    limit,
    retryAfterS,
  );
}

/** A job in the fair queue: waiting, then running until `finished`. */
export interface Place<T> {
  readonly item: T;
  readonly client: string;
  readonly seconds: number;
  readonly long: boolean;
}

interface Share<T> {
  waiting: Place<T>[];
  running: number;
  seconds: number;
  /** When the client last got a worker place (a running count); 0: not since it came. */
  servedAt: number;
}

/**
 * Per-client waiting lists served in turn, not first come first served: the next free worker
 * place goes to the client served longest ago, so a client with a hundred jobs gets it no more
 * often than a client with one. It admits a job only within the client's share, and hands out
 * places only as workers have room, so long jobs never take the last free place.
 */
export class FairQueue<T> {
  /** Clients with waiting or running jobs. */
  private readonly shares = new Map<string, Share<T>>();
  private waitingCount = 0;
  private longRunning = 0;
  private turns = 0;

  constructor(readonly limits: FairShareLimits) {}

  get waiting(): number {
    return this.waitingCount;
  }

  /** Queues a job, or throws 429 (over the client's share) or 503 (queue full for everyone). */
  enqueue(client: string, item: T, seconds: number): Place<T> {
    const share = this.shareOf(client);
    const { queued, workSeconds, total } = this.limits;
    const retryAfterS = Math.min(60, Math.max(1, Math.ceil(share.seconds / Math.max(1, share.running))));
    if (share.waiting.length >= queued) throw tooManyQueued(share.waiting.length, queued, retryAfterS);
    if (share.seconds + seconds > workSeconds) throw tooManySeconds(share.seconds + seconds, workSeconds, retryAfterS);
    if (this.waitingCount >= total) throw new QueueFullError(total);
    return this.add(share, client, item, seconds);
  }

  /** Queues a job another server accepted within the client's share (that server died): no limit applies. */
  adopt(client: string, item: T, seconds: number): Place<T> {
    return this.add(this.shareOf(client), client, item, seconds);
  }

  private shareOf(client: string): Share<T> {
    return this.shares.get(client) ?? { waiting: [], running: 0, seconds: 0, servedAt: 0 };
  }

  private add(share: Share<T>, client: string, item: T, seconds: number): Place<T> {
    const place: Place<T> = { item, client, seconds, long: seconds > this.limits.longJobSeconds };
    share.waiting.push(place);
    share.seconds += seconds;
    this.shares.set(client, share);
    this.waitingCount++;
    return place;
  }

  /** Takes a waiting job out (it was cancelled); false if it is not waiting. */
  remove(place: Place<T>): boolean {
    const share = this.shares.get(place.client);
    const index = share?.waiting.indexOf(place) ?? -1;
    if (!share || index < 0) return false;
    share.waiting.splice(index, 1);
    this.waitingCount--;
    this.release(place.client, share, place.seconds);
    return true;
  }

  /**
   * The jobs to start on `free` of `capacity` worker places, one at a time to the client served
   * longest ago, skipping clients at their running limit and long jobs once they hold all places
   * but one.
   */
  take(free: number, capacity: number): Place<T>[] {
    const started: Place<T>[] = [];
    const longPlaces = Math.max(1, capacity - 1);
    while (started.length < free && this.waitingCount > 0) {
      let next: { share: Share<T>; index: number } | undefined;
      for (const share of this.shares.values()) {
        if (share.running >= this.limits.running || (next && next.share.servedAt <= share.servedAt)) continue;
        const index = share.waiting.findIndex((place) => !place.long || this.longRunning < longPlaces);
        if (index >= 0) next = { share, index };
      }
      if (!next) break;
      const [place] = next.share.waiting.splice(next.index, 1) as [Place<T>];
      next.share.running++;
      next.share.servedAt = ++this.turns;
      this.waitingCount--;
      if (place.long) this.longRunning++;
      started.push(place);
    }
    return started;
  }

  /** A job that `take` handed out has ended, however it ended. */
  finished(place: Place<T>): void {
    const share = this.shares.get(place.client);
    if (!share) return;
    share.running--;
    if (place.long) this.longRunning--;
    this.release(place.client, share, place.seconds);
  }

  private release(client: string, share: Share<T>, seconds: number): void {
    share.seconds -= seconds;
    if (share.running === 0 && share.waiting.length === 0) this.shares.delete(client);
  }
}
