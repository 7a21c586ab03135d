import type { IpMode } from '../config';
import type { FanOut, SharedLimits } from '../kit/fanout';
import type { StreamLimits } from '../kit/sse';
import type { DropReason } from '../../shared/tracking';
import type { IpPrivacy } from './ip';
import type { VisitStore } from './store';
import type { VisitStream } from './stream';

export interface TrackingOptions {
  store: VisitStore;
  ipMode: IpMode;
  /** IP_SALT_SECRET: the daily salt of `hashed` is HMAC(secret, date), alike on every instance. */
  ipSaltSecret?: string;
  adminToken: string | undefined;
  /** Origins whose pages may call the API from the browser (the widget on another host). */
  corsOrigins: string[];
  /** Visits per second per client IP. */
  rateLimit: number;
  /** Limits of `/api/visits/stream`; the kit's defaults where unset. */
  streams?: Partial<StreamLimits>;
  /** The live script of /visits as the site's build made it; without it the page has no live mode. */
  liveScript?: string | undefined;
  /** Carries visits to the streams of every instance; this process alone by default. */
  fanOut?: FanOut;
  /** Counts the rate limit of all instances together; per instance by default. */
  limits?: SharedLimits;
}

/** What the API and the HTML page of one tracking service share. */
export interface TrackingContext {
  options: TrackingOptions;
  store: VisitStore;
  stream: VisitStream;
  privacy: IpPrivacy;
  counters: { dropped: Record<DropReason, number>; rateLimited: number };
}
