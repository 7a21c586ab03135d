import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { StartupError, type Config } from './config';
import { HttpError } from './kit/errors';
import { ipPrivacy } from './tracking/ip';
import { VERSION } from './version';

export interface ServiceInfo {
  title: string;
  description: string;
  /** Where the log goes instead of stdout. */
  logStream?: { write(line: string): void };
}

const HIDDEN = '[verborgen]';

/** The URL as it may be logged: the value of every `token` query parameter is hidden. */
export function loggableUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, `$1${HIDDEN}`);
}

/**
 * A Fastify app as every service of the course starts it: a logger that keeps client addresses
 * as TRACKING_IP says and hides tokens, proxy trust, an `X-Instance` header on every answer, a health route,
 * and an OpenAPI document at `/api/openapi.json` generated from the schemas of the routes
 * registered after this call.
 */
export async function createServer(config: Config, info: ServiceInfo): Promise<FastifyInstance> {
  const privacy = ipPrivacy(config.trackingIp, config.ipSaltSecret);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(info.logStream ? { stream: info.logStream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: HIDDEN },
      // The client address as the visit store keeps it (TRACKING_IP), never more.
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: loggableUrl(request.url),
          host: request.host,
          remoteAddress: privacy(request.ip, Date.now()),
        }),
      },
    },
    trustProxy: config.trustProxy,
  });
  // Which instance answered: the demos show it, so the room sees the load balancer at work.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-instance', config.instance);
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
  // Fastify's own 404 would log the URL as sent, tokens included.
  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).send(new HttpError(404, 'Diese Adresse gibt es nicht.').reply()),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

/** Listens on HOST:PORT; a port that is taken or not allowed is a StartupError that says which variable to set. */
export async function listen(app: FastifyInstance, config: Config): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `Port ${config.port} auf ${config.host}`;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `${where} ist schon belegt. Beenden Sie das Programm, das ihn nutzt, oder wählen Sie mit PORT=<Zahl> einen anderen.`,
      );
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new StartupError(
        `${where} ist nicht verfügbar (${code}). Prüfen Sie HOST und PORT; Ports unter 1024 brauchen Root-Rechte.`,
      );
    }
    throw error;
  }
}
