import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRunner } from '../../../src/server/tasks/redis-runner';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import { postJson, serve, type TestServer } from '../tasks/helpers';
import { REDIS_URL, spawnWorker } from '../tasks/redis-helpers';

/** A Redis of this test's own, on its own port, so killing it hurts nobody else. */
const PORT = 4205;

async function startRedis(): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    if (output.includes('Ready to accept connections')) return child;
  }
  throw new Error(`redis-server startete nicht: ${output}`);
}

describe.skipIf(!REDIS_URL)('Redis dies while an execute waits for its result', () => {
  let redis: ChildProcess;
  let worker: ChildProcess;
  let server: TestServer;

  beforeAll(async () => {
    redis = await startRedis();
    const runner = new RedisRunner(await Catalogue.load(), {
      redisUrl: `redis://127.0.0.1:${PORT}`,
      queueName: 'fault',
      localWorker: false,
    });
    await runner.ready();
    // A worker process of its own, killed at the end: it would wait for its job to finish.
    worker = spawnWorker('fault', `redis://127.0.0.1:${PORT}`);
    server = await serve(runner);
  });
  afterAll(async () => {
    worker.kill('SIGKILL');
    if (redis.exitCode !== null || redis.signalCode !== null) redis = await startRedis();
    await server.app.close();
    // BullMQ's close can wait long for connections that were cut; `npm start` bounds it the same way.
    await Promise.race([server.runner.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    redis.kill('SIGKILL');
  }, 60_000);

  it('answers 503 within 2 s of Redis going away, not after the time limit', async () => {
    await expect
      .poll(async () => (await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1, 2] })).body.result, {
        timeout: 20_000,
      })
      .toBe(3);
    const inFlight = postJson(`${server.url}/api/execute`, { task: 'sleep', params: { ms: 8_000 } });
    await expect
      .poll(
        async () =>
          ((await (await fetch(`${server.url}/api/status`)).json()) as { queue: { active: number } }).queue.active,
      )
      .toBe(1);
    const exited = once(redis, 'exit');
    redis.kill('SIGKILL');
    await exited;
    const killedAt = performance.now();
    const answer = await inFlight;
    expect(answer.status).toBe(503);
    expect(performance.now() - killedAt).toBeLessThan(2_000);
    expect(answer.body.message).toMatch(/Redis unter redis:\/\/127\.0\.0\.1:4205\/? ist nicht erreichbar/);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
