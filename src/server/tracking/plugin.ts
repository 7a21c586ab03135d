import type { FastifyInstance } from 'fastify';
import { VISITS_PATH } from '../../shared/tracking';
import { configureApi } from '../kit/api';
import { visitsApi } from './api';
import type { TrackingContext, TrackingOptions } from './context';
import { ipPrivacy } from './ip';
import { VisitStream } from './stream';
import { visitsPage } from './visits-page';

export type { TrackingOptions } from './context';

/** The tracking service: JSON API under /api/visits and the HTML list at /visits. */
export async function trackingPlugin(app: FastifyInstance, options: TrackingOptions): Promise<void> {
  // navigator.sendBeacon posts a string as text/plain: it is the same JSON.
  configureApi(app, { service: 'Der Tracking-Server', jsonTypes: ['application/json', 'text/plain'] });
  const context: TrackingContext = {
    options,
    store: options.store,
    stream: new VisitStream(options.streams, options.fanOut),
    privacy: ipPrivacy(options.ipMode, options.ipSaltSecret),
    counters: { dropped: { 'known-bot': 0, 'no-user-agent': 0 }, rateLimited: 0 },
  };
  await context.stream.listen();
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => context.stream.closeAll());
  await app.register(visitsApi, { ...context, prefix: VISITS_PATH });
  await app.register(visitsPage, context);
}
