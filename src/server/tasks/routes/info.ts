import type { FastifyInstance } from 'fastify';
import {
  CatalogueResponseSchema,
  StatusResponseSchema,
  type CatalogueResponse,
  type StatusResponse,
} from '../../../shared/tasks';
import { clientKey, type TaskRunner } from '../runner';
import { VERSION } from '../../version';
import { errorResponses } from './schemas';

/** `GET /api/tasks` and `GET /api/status`. */
export async function infoRoutes(app: FastifyInstance, { runner }: { runner: TaskRunner }): Promise<void> {
  const started = Date.now();

  app.get(
    '/tasks',
    {
      schema: {
        description: 'Der Katalog: jede Task mit Parameterschema, Beispiel und Grenzen',
        tags: ['tasks'],
        response: { 200: CatalogueResponseSchema, ...errorResponses(429) },
      },
    },
    async (): Promise<CatalogueResponse> => ({ tasks: runner.catalogue.describe(runner.memoryMb) }),
  );

  app.get(
    '/status',
    {
      schema: {
        description:
          'Zustand des Task-Servers: Backend, Worker, Warteschlange, Zähler und Laufzeiten; ' +
          'Job-IDs nur bei eigenen Jobs des Abfragenden',
        tags: ['tasks'],
        response: { 200: StatusResponseSchema, ...errorResponses(429) },
      },
    },
    async (request): Promise<StatusResponse> => ({
      service: 'task-server',
      version: VERSION,
      uptimeS: Math.round((Date.now() - started) / 1000),
      ...(await runner.status(clientKey(request.ip))),
    }),
  );
}
