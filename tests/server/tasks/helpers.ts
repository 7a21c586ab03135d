import Fastify, { type FastifyInstance } from 'fastify';
import { EmbeddedRunner, type EmbeddedRunnerOptions } from '../../../src/server/tasks/embedded-runner';
import { tasksPlugin, type TasksPluginOptions } from '../../../src/server/tasks/plugin';
import type { TaskRunner } from '../../../src/server/tasks/runner';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { JobEvent } from '../../../src/shared/tasks';

export const TEST_TASKS = {
  runaway: new URL('./fixtures/runaway.ts', import.meta.url).href,
  memoryHog: new URL('./fixtures/memory-hog.ts', import.meta.url).href,
};

/** A fair share that never holds back the single test client. */
export const UNLIMITED_SHARE = { running: 64, queued: 10_000, workSeconds: 1e9 };

export interface TestServer {
  app: FastifyInstance;
  runner: TaskRunner;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/** A real task server on a free loopback port, with the given runner. */
export async function serve(
  runner: TaskRunner,
  plugin: Omit<TasksPluginOptions, 'runner'> = { rateLimit: false },
): Promise<TestServer> {
  const app = Fastify();
  await app.register(tasksPlugin, { runner, ...plugin });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    runner,
    url,
    close: async () => {
      await app.close();
      await runner.close();
    },
  };
}

export async function embeddedRunner(
  options: EmbeddedRunnerOptions = {},
  extraModules: string[] = [],
): Promise<EmbeddedRunner> {
  return new EmbeddedRunner(await Catalogue.load(extraModules), {
    threads: 2,
    ...options,
    // All requests of a test come from one address: the fair share has its own tests.
    share: { ...UNLIMITED_SHARE, ...options.share },
  });
}

export async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** Reads a job's Server-Sent Events until the server ends the stream. */
export async function readEvents(url: string): Promise<JobEvent[]> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const text = await response.text();
  return text
    .split('\n\n')
    .map((block) => {
      const type = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return type && data ? ({ type, job: JSON.parse(data) } as JobEvent) : undefined;
    })
    .filter((event): event is JobEvent => event !== undefined);
}
