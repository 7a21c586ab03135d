import type { FastifyInstance } from 'fastify';
import {
  CLUSTER_PATH,
  ClusterReportSchema,
  ClusterStopReplySchema,
  ClusterStopRequestSchema,
  type ClusterReport,
  type ClusterStopReply,
  type ClusterStopRequest,
} from '../../shared/cluster';
import { configureApi } from '../kit/api';
import { bearerAuth, BearerHeadersSchema } from '../kit/bearer';
import { errorReplies, HttpError } from '../kit/errors';
import type { FanOut, SharedMaps } from '../kit/fanout';
import { InstanceRegistry } from './registry';

export interface ClusterOptions {
  /** This instance's name (INSTANCE), as in `X-Instance`. */
  instance: string;
  fanOut: FanOut;
  maps: SharedMaps;
  presenterToken: string | undefined;
  /** Shuts this instance down gracefully (in `npm start`: SIGTERM to itself). */
  stop: () => void;
  heartbeatMs?: number;
}

const TOPIC = 'cluster-stop';
const tags = ['cluster'];

/**
 * The cluster demo's API: every instance writes a heartbeat with its open connections into the
 * shared maps and lists all of them; the presenter can stop one instance gracefully (the request
 * reaches any instance, the fan-out carries it to the one named).
 */
export async function clusterPlugin(app: FastifyInstance, options: ClusterOptions): Promise<void> {
  configureApi(app, { service: 'Die Cluster-Demo' });
  const shared = options.fanOut.mode === 'redis';
  const registry = new InstanceRegistry({
    maps: options.maps,
    name: options.instance,
    connections: () =>
      new Promise((resolve) => app.server.getConnections((error, count) => resolve(error ? 0 : count))),
  });
  let stopping = false;
  await options.fanOut.subscribe(TOPIC, (message) => {
    if ((message as Partial<ClusterStopRequest>).instance !== options.instance || stopping) return;
    stopping = true;
    options.stop();
  });
  await registry.start(options.heartbeatMs);
  app.addHook('preClose', async () => registry.stop());

  app.get(
    CLUSTER_PATH,
    {
      schema: {
        summary: 'Instances of this deployment',
        description:
          'Every instance with its open connections at its last heartbeat (each second) and its state: running, ' +
          'silent (heartbeat overdue) or stopped (shut down gracefully). `self` is the instance that answered. ' +
          'Without REDIS_URL the list holds this instance alone (`shared: false`).',
        tags,
        response: { 200: ClusterReportSchema, ...errorReplies(503) },
      },
    },
    async (): Promise<ClusterReport> => {
      try {
        return { shared, self: options.instance, instances: await registry.list() };
      } catch {
        throw new HttpError(503, 'Die Liste der Instanzen ist gerade nicht lesbar: Redis antwortet nicht.');
      }
    },
  );

  app.post<{ Body: ClusterStopRequest }>(
    `${CLUSTER_PATH}/stop`,
    {
      schema: {
        summary: 'Stop one instance gracefully (presenter)',
        description:
          'The instance named answers the requests it has, closes its event streams (their clients reconnect ' +
          'through the load balancer to another instance) and exits. The last running instance is never stopped. ' +
          'Needs `Authorization: Bearer <PRESENTER_TOKEN>`.',
        tags,
        headers: BearerHeadersSchema,
        body: ClusterStopRequestSchema,
        response: { 202: ClusterStopReplySchema, ...errorReplies(400, 401, 403, 404, 409, 415, 503) },
      },
      preValidation: bearerAuth({
        token: options.presenterToken,
        variable: 'PRESENTER_TOKEN',
        action: 'Eine Instanz anhalten',
      }),
    },
    async (request, reply): Promise<ClusterStopReply> => {
      const name = request.body.instance;
      if (!shared) {
        throw new HttpError(
          409,
          'Es läuft nur diese eine Instanz (ohne REDIS_URL); sie hält die Demo nicht an. ' +
            'Mehrere Instanzen hinter einem Load-Balancer startet `npm run cluster`.',
        );
      }
      const running = (await registry.list()).filter((instance) => instance.state === 'running');
      if (!running.some((instance) => instance.name === name)) {
        throw new HttpError(404, `Eine laufende Instanz „${name}“ gibt es nicht.`, { field: 'instance' });
      }
      if (running.length < 2) {
        throw new HttpError(409, `„${name}“ ist die letzte laufende Instanz; ohne sie wäre die Website weg.`);
      }
      await options.fanOut.publish(TOPIC, { instance: name } satisfies ClusterStopRequest).catch(() => {
        throw new HttpError(503, 'Redis antwortet nicht: Die Instanz wurde nicht angehalten.');
      });
      reply.code(202);
      return {
        instance: name,
        message: `Instanz ${name} hält an: Sie beantwortet, was sie angenommen hat, und schließt ihre Event-Streams; deren Clients verbinden sich über den Load-Balancer neu.`,
      };
    },
  );
}
