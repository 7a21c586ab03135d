import type { FastifyInstance } from 'fastify';
import {
  ExecuteResponseSchema,
  TaskRequestSchema,
  type ExecuteResponse,
  type TaskRequest,
} from '../../../shared/tasks';
import { clientKey, type TaskRunner } from '../runner';
import { errorResponses } from './schemas';

/** `POST /api/execute`: runs a task and answers with its result – the request of the exercise's client. */
export async function executeRoutes(app: FastifyInstance, { runner }: { runner: TaskRunner }): Promise<void> {
  app.post<{ Body: TaskRequest }>(
    '/execute',
    {
      schema: {
        description:
          'Führt eine Task synchron aus. image, tag und port werden angenommen, aber nie benutzt: es läuft nur der Katalog.',
        tags: ['tasks'],
        body: TaskRequestSchema,
        response: { 200: ExecuteResponseSchema, ...errorResponses(400, 404, 409, 413, 415, 422, 429, 503, 504) },
      },
    },
    async (request): Promise<ExecuteResponse> => {
      const { task, params } = request.body;
      const job = await runner.execute({ task, params, client: clientKey(request.ip) });
      return {
        message: `Task „${task}“ ausgeführt`,
        result: job.result,
        task,
        durationMs: job.durationMs ?? 0,
        worker: job.worker ?? 'unbekannt',
        jobId: job.id,
      };
    },
  );
}
