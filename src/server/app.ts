import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { sitePlugin } from './site';
import { registerTracking } from './tracking/service';
import { registerTasks } from './tasks/service';

/** The one process of `npm start`: the built site and both APIs. */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
  });
  app.get('/api/health', async () => ({ ok: true }));
  await registerTracking(app, config);
  await registerTasks(app, config);
  await app.register(sitePlugin, { root: config.siteDir });
  return app;
}
