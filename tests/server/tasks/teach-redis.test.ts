import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRunner } from '../../../src/server/tasks/redis-runner';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { Job, StatusResponse } from '../../../src/shared/tasks';
import { postJson, serve, type TestServer } from './helpers';
import { REDIS_URL, spawnWorker, testQueue } from './redis-helpers';

const TOKEN = 'presenter-secret';

describe.skipIf(!REDIS_URL)('crashing a worker process (Redis)', () => {
  const queue = testQueue();
  const workers: ChildProcess[] = [];
  let server: TestServer;

  beforeAll(async () => {
    const runner = new RedisRunner(await Catalogue.load(), {
      redisUrl: REDIS_URL!,
      queueName: queue.queueName,
      localWorker: false,
    });
    await runner.ready();
    server = await serve(runner, { rateLimit: false, presenterToken: TOKEN });
    workers.push(spawnWorker(queue.queueName), spawnWorker(queue.queueName));
    for (let tries = 0; ; tries++) {
      const status = (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
      if (status.workers.length === 2) break;
      if (tries > 300) throw new Error('Die zwei Worker-Prozesse meldeten sich nicht an.');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);
  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGKILL');
    await server.app.close();
    await Promise.race([server.runner.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await queue.cleanup();
  });

  it('kills the process running the job; another worker runs it again: two attempts, one result', async () => {
    const id = 'crash-redis-1';
    const job = async () => (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as Job;
    expect((await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 2_000 }, id })).status).toBe(202);
    await expect.poll(async () => (await job()).state, { timeout: 15_000 }).toBe('active');
    const first = await job();
    expect(first.attempts).toBe(1);

    const refused = await fetch(`${server.url}/api/jobs/${id}/crash`, { method: 'POST' });
    expect(refused.status).toBe(401);

    const exits = workers.map((worker) => once(worker, 'exit'));
    const crashed = await fetch(`${server.url}/api/jobs/${id}/crash`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(crashed.status).toBe(200);
    const [signal] = await Promise.race(exits.map((exit) => exit.then(([, signal]) => [signal as string])));
    expect(signal).toBe('SIGKILL');
    expect(workers.filter((worker) => worker.signalCode === 'SIGKILL')).toHaveLength(1);

    await expect.poll(async () => (await job()).state, { timeout: 30_000 }).toBe('completed');
    const done = await job();
    expect(done).toMatchObject({ attempts: 2, result: { sleptMs: 2_000 } });
    expect(done.worker).not.toBe(first.worker);
  }, 60_000);
});
