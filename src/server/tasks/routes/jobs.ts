import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import {
  isFinished,
  JobCreatedSchema,
  JobParamsSchema,
  JobRequestSchema,
  JobSchema,
  type Job,
  type JobCreated,
  type JobRequest,
} from '../../../shared/tasks';
import { EventStreams, type StreamLimits } from '../../kit/sse';
import { JobNotFoundError, TaskServerError } from '../errors';
import { clientKey, sameToken, type TaskRunner } from '../runner';
import { errorResponses } from './schemas';

type JobRoute = { Params: { id: string } };

/** The asynchronous side: queue a job, look at it, follow its events, cancel it. */
export async function jobRoutes(
  app: FastifyInstance,
  { runner, adminToken, streams: limits }: { runner: TaskRunner; adminToken?: string; streams?: Partial<StreamLimits> },
): Promise<void> {
  const streams = new EventStreams(limits);
  // Open event streams would keep the server from closing.
  app.addHook('preClose', async () => streams.closeAll());

  const found = async (id: string): Promise<Job> => {
    const job = await runner.job(id);
    if (!job) throw new JobNotFoundError(id);
    return job;
  };

  app.post<{ Body: JobRequest }>(
    '/jobs',
    {
      schema: {
        description: 'Reiht eine Task als Job ein und antwortet sofort mit seiner ID',
        tags: ['jobs'],
        body: JobRequestSchema,
        response: { 202: JobCreatedSchema, ...errorResponses(400, 404, 409, 413, 415, 429, 503) },
      },
    },
    async (request, reply): Promise<JobCreated> => {
      const { task, params, id } = request.body;
      const { job, cancelToken } = await runner.submit({ task, params, client: clientKey(request.ip) }, id);
      const self = `${app.prefix}/jobs/${encodeURIComponent(job.id)}`;
      reply.code(202).header('location', self);
      return { id: job.id, state: job.state, self, events: `${self}/events`, cancelToken };
    },
  );

  app.get<JobRoute>(
    '/jobs/:id',
    {
      schema: {
        description: 'Zustand, Fortschritt und Ergebnis eines Jobs',
        tags: ['jobs'],
        params: JobParamsSchema,
        response: { 200: JobSchema, ...errorResponses(400, 404, 429, 503) },
      },
    },
    async (request) => found(request.params.id),
  );

  app.delete<JobRoute>(
    '/jobs/:id',
    {
      schema: {
        description:
          'Bricht einen Job ab; ein fertiger Job bleibt, wie er ist. ' +
          'Braucht Authorization: Bearer <cancelToken des Jobs> oder <ADMIN_TOKEN>.',
        tags: ['jobs'],
        params: JobParamsSchema,
        headers: Type.Object({ authorization: Type.Optional(Type.String({ maxLength: 256 })) }),
        response: { 200: JobSchema, ...errorResponses(400, 401, 403, 404, 429, 503) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await found(id);
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!given) {
        reply.header('www-authenticate', 'Bearer');
        throw new TaskServerError(
          401,
          'Zum Abbrechen brauchen Sie das cancelToken des Jobs (aus der Antwort auf POST /api/jobs) als „Authorization: Bearer …“.',
        );
      }
      const admin = adminToken !== undefined && sameToken(given, adminToken);
      if (!admin && !(await runner.ownedBy(id, given))) {
        throw new TaskServerError(
          403,
          `Dieses Token bricht Job „${id}“ nicht ab: Das darf nur, wer den Job angelegt hat, oder wer ADMIN_TOKEN kennt.`,
        );
      }
      const job = await runner.cancel(id);
      if (!job) throw new JobNotFoundError(id);
      return job;
    },
  );

  app.get<JobRoute>(
    '/jobs/:id/events',
    {
      schema: {
        description:
          'Server-Sent Events eines Jobs: queued, active, progress, completed, failed; data ist jeweils der Job. ' +
          'Das erste Ereignis zeigt den aktuellen Zustand, nach completed oder failed endet der Strom.',
        tags: ['jobs'],
        params: JobParamsSchema,
        response: {
          200: { content: { 'text/event-stream': { schema: Type.String() } } },
          ...errorResponses(400, 404, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await found(id);
      let stop: (() => void) | undefined;
      const client = streams.open(request, reply, () => stop?.());
      const unsubscribe = await runner
        .watch(id, (event) => {
          client.send(event.type, event.job);
          if (isFinished(event.job)) client.end();
        })
        .catch(() => undefined);
      if (client.open && unsubscribe) stop = unsubscribe;
      else {
        unsubscribe?.();
        client.end();
      }
      return reply;
    },
  );
}
