import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config';
import { VERSION } from './version';

export interface ServiceInfo {
  title: string;
  description: string;
}

/**
 * A Fastify app as every service of the course starts it: logger, proxy trust, a health route,
 * and an OpenAPI document at `/api/openapi.json` generated from the schemas of the routes
 * registered after this call.
 */
export async function createServer(config: Config, info: ServiceInfo): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    trustProxy: config.trustProxy,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: info.title, description: info.description, version: VERSION },
    },
  });
  app.get(
    '/api/health',
    {
      schema: {
        description: 'Lebenszeichen des Servers',
        tags: ['status'],
        response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } },
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
