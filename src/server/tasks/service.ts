import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { createServer } from '../http';
import { openLimitStore } from '../kit/fanout';
import { EmbeddedRunner } from './embedded-runner';
import { tasksPlugin } from './plugin';
import { RedisRunner } from './redis-runner';
import type { TaskRunner } from './runner';
import { Catalogue } from './task-catalogue';

/** The runner the configuration asks for: Redis + BullMQ with REDIS_URL, else worker threads here. */
export async function createTaskRunner(config: Config): Promise<TaskRunner> {
  const catalogue = await Catalogue.load();
  const threads = config.taskThreads;
  const share = config.taskShare;
  if (!config.redisUrl) return new EmbeddedRunner(catalogue, { threads, share });
  return new RedisRunner(catalogue, {
    redisUrl: config.redisUrl,
    queueName: config.taskQueue,
    share,
    localWorker: config.taskLocalWorker ? { threads } : false,
  });
}

/** Mounts the task API on `app`; the runner is closed when the app closes, after the last answer. */
export async function registerTasks(app: FastifyInstance, config: Config): Promise<TaskRunner> {
  const runner = await createTaskRunner(config);
  const limits = await openLimitStore(config, 'tasks');
  app.addHook('onClose', async () => {
    limits?.redis.disconnect();
    await runner.close();
  });
  await app.register(tasksPlugin, {
    runner,
    corsOrigins: config.corsOrigins,
    adminToken: config.adminToken,
    presenterToken: config.presenterToken,
    streams: { perClient: config.streamsPerClient },
    limits,
  });
  return runner;
}

/** The task service alone, as `npm run start:tasks` runs it, with its OpenAPI description. */
export async function buildTasksApp(config: Config): Promise<FastifyInstance> {
  const app = await createServer(config, {
    title: 'Task-Server',
    description: 'Führt vorkompilierte Tasks aus: sofort oder als Job über eine Warteschlange, verteilt auf Worker.',
  });
  await registerTasks(app, config);
  return app;
}
