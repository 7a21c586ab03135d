import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { VISITS_LIVE_FILE } from '../../shared/tracking';
import type { Config } from '../config';
import { openFanOut, openLimitStore } from '../kit/fanout';
import { createServer } from '../http';
import { trackingPlugin } from './plugin';
import { openVisitStore } from './open-store';
import type { VisitStore } from './store';

/**
 * Mounts the tracking plugin on `app` with the store the configuration asks for (or the one
 * given) and the fan-out that carries visits to the streams of every instance (Redis, else
 * PostgreSQL, else none); both close when the app closes, after the last request was answered.
 */
export async function registerTracking(app: FastifyInstance, config: Config, store?: VisitStore): Promise<VisitStore> {
  store ??= await openVisitStore(config);
  const fanOut = await openFanOut(config, { postgres: true });
  const limits = await openLimitStore(config, 'tracking');
  app.addHook('onClose', async () => {
    await fanOut.close();
    limits?.redis.disconnect();
    await store.close();
  });
  await app.register(trackingPlugin, {
    store,
    ipMode: config.trackingIp,
    ipSaltSecret: config.ipSaltSecret,
    adminToken: config.adminToken,
    corsOrigins: config.corsOrigins,
    rateLimit: config.trackingRateLimit,
    streams: { perClient: config.streamsPerClient },
    liveScript: builtLiveScript(config.siteDir),
    fanOut,
    limits,
  });
  return store;
}

/** The live script of /visits from the built site, or undefined before the first build. */
function builtLiveScript(siteDir: string): string | undefined {
  try {
    return readFileSync(join(siteDir, VISITS_LIVE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The tracking service alone, as `npm run start:tracking` runs it. */
export async function buildTrackingApp(config: Config, store?: VisitStore): Promise<FastifyInstance> {
  const app = await createServer(config, {
    title: 'Tracking-Server',
    description: 'Erfasst Seitenaufrufe der Kurs-Website und listet sie unter /visits.',
  });
  await registerTracking(app, config, store);
  return app;
}
