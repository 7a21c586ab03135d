import type { FastifyInstance } from 'fastify';
import { JobParamsSchema, JobSchema, type Job } from '../../../shared/tasks';
import {
  BalanceReportSchema,
  BalanceRequestSchema,
  COUNTER_SLOTS,
  CounterPathSchema,
  CounterSchema,
  LoadReportSchema,
  LoadRequestSchema,
  type BalanceReport,
  type BalanceRequest,
  type Counter,
  type LoadReport,
  type LoadRequest,
} from '../../../shared/teach';
import { bearerAuth, BearerHeadersSchema } from '../../kit/bearer';
import { Balancer } from '../balancer';
import { readCounter } from '../counters';
import { TaskServerError } from '../errors';
import { LoadGenerator } from '../load-generator';
import type { TaskRunner } from '../runner';
import { errorResponses } from './schemas';

export interface DemoRoutesOptions {
  runner: TaskRunner;
  /** PRESENTER_TOKEN: crashing a worker and starting the load generator need it. */
  presenterToken: string | undefined;
}

/** The lecture's failure demos: the idempotency counter, a crashed worker, the load generator. */
export async function demoRoutes(app: FastifyInstance, { runner, presenterToken }: DemoRoutesOptions): Promise<void> {
  const presenter = (action: string) => bearerAuth({ token: presenterToken, variable: 'PRESENTER_TOKEN', action });
  const generator = new LoadGenerator(runner);
  const balancer = new Balancer(runner);
  app.addHook('onClose', async () => {
    generator.stop();
    balancer.stop();
  });

  app.get<{ Params: { slot: string } }>(
    '/counters/:slot',
    {
      schema: {
        description:
          'Stand eines Zählers der Task „counter“ in diesem Server-Prozess (mit REDIS_URL zählt jeder Worker-Prozess für sich)',
        tags: ['demos'],
        params: CounterPathSchema,
        response: { 200: CounterSchema, ...errorResponses(400, 429) },
      },
    },
    async (request): Promise<Counter> => {
      const slot = Number(request.params.slot);
      if (slot >= COUNTER_SLOTS) {
        throw new TaskServerError(400, `Zähler ${slot} gibt es nicht: höchstens ${COUNTER_SLOTS - 1}.`, {
          field: 'slot',
          limit: COUNTER_SLOTS - 1,
        });
      }
      return { slot, count: readCounter(slot) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/jobs/:id/crash',
    {
      schema: {
        description:
          'Vortragsdemo: beendet den Worker, der den Job gerade ausführt (Thread, mit Redis den Worker-Prozess); ' +
          'der Job läuft danach noch einmal. Braucht Authorization: Bearer <PRESENTER_TOKEN>; höchstens 3 Versuche je Job.',
        tags: ['demos'],
        params: JobParamsSchema,
        headers: BearerHeadersSchema,
        response: { 200: JobSchema, ...errorResponses(400, 401, 403, 404, 409, 429, 503) },
      },
      preValidation: presenter('Worker abstürzen lassen'),
    },
    async (request): Promise<Job> => runner.crash(request.params.id),
  );

  app.get(
    '/load',
    {
      schema: {
        description: 'Der letzte Lauf des Lastgenerators mit seinen Messwerten',
        tags: ['demos'],
        response: { 200: LoadReportSchema, ...errorResponses(429) },
      },
    },
    async (): Promise<LoadReport> => generator.report(),
  );

  app.post<{ Body: LoadRequest }>(
    '/load',
    {
      schema: {
        description:
          'Vortragsdemo: startet den Lastgenerator (höchstens 20 Jobs/s für höchstens 30 s, Jobs von 0,1–2 s). ' +
          'Er ist ein Client wie jeder andere und bekommt nur seinen fairen Anteil. Braucht Authorization: Bearer <PRESENTER_TOKEN>.',
        tags: ['demos'],
        headers: BearerHeadersSchema,
        body: LoadRequestSchema,
        response: {
          202: LoadReportSchema,
          ...errorResponses(400, 401, 403, 409, 413, 415, 429, 503),
        },
      },
      preValidation: presenter('Der Lastgenerator'),
    },
    async (request, reply): Promise<LoadReport> => {
      const report = await generator.start(request.body);
      reply.code(202);
      return report;
    },
  );

  app.get(
    '/balance',
    {
      schema: {
        description: 'Der letzte Lauf der Lastverteilung: je Worker zugeteilt, fertig, in Arbeit und mittlere Zeit',
        tags: ['demos'],
        response: { 200: BalanceReportSchema, ...errorResponses(429) },
      },
    },
    async (): Promise<BalanceReport> => balancer.report(),
  );

  app.post<{ Body: BalanceRequest }>(
    '/balance',
    {
      schema: {
        description:
          'Vortragsdemo: verteilt 3–30 Jobs nach einem Algorithmus (round-robin, least-connections, weighted, ip-hash) ' +
          'auf drei Worker verschiedener Geschwindigkeit; jeder rechnet seine Jobs nacheinander als echte sleep-Jobs. ' +
          'Braucht Authorization: Bearer <PRESENTER_TOKEN>.',
        tags: ['demos'],
        headers: BearerHeadersSchema,
        body: BalanceRequestSchema,
        response: { 202: BalanceReportSchema, ...errorResponses(400, 401, 403, 409, 413, 415, 429, 503) },
      },
      preValidation: presenter('Die Lastverteilung'),
    },
    async (request, reply): Promise<BalanceReport> => {
      const report = balancer.start(request.body);
      reply.code(202);
      return report;
    },
  );
}
