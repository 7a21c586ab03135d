import type { Visit } from '../../shared/tracking';

/** A visit as the plugin hands it to the store: IP already privacy-treated, time in ms. */
export interface NewVisit {
  at: number;
  ip: string;
  path: string;
  referrer: string;
  userAgent: string;
}

export interface BucketCount {
  start: number;
  count: number;
}

/** Where visits live. Both implementations answer `add` only after the visit is committed. */
export interface VisitStore {
  readonly kind: 'sqlite' | 'postgres';
  add(visit: NewVisit): Promise<Visit>;
  /** Newest first, ids below `before` if given. */
  list(limit: number, before?: number): Promise<Visit[]>;
  /** Oldest first, ids above `after`: what a reconnecting stream client missed. */
  since(after: number, limit: number): Promise<Visit[]>;
  /** Non-empty buckets of `bucketMs` width starting at or after `from`, oldest first. */
  countPerBucket(bucketMs: number, from: number): Promise<BucketCount[]>;
  count(): Promise<number>;
  /** Deletes every visit; returns how many there were. */
  clear(): Promise<number>;
  /** Commits what is pending, then releases the database. */
  close(): Promise<void>;
}

export function toVisit(id: number, visit: NewVisit): Visit {
  return { id, ...visit, at: new Date(visit.at).toISOString() };
}
