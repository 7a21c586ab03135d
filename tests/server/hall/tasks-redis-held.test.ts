import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisRunner } from '../../../src/server/tasks/redis-runner';
import { clientKey } from '../../../src/server/tasks/runner';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { Job } from '../../../src/shared/tasks';
import { postJson } from '../tasks/helpers';
import { REDIS_URL, testQueue } from '../tasks/redis-helpers';

const PORT = 4423;
const entry = new URL('../../../src/server/tasks/main.ts', import.meta.url).pathname;

/** `npm run start:tasks` with Redis and no worker: every job it accepts waits in its fair queue. */
async function startHolder(queueName: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      REDIS_URL: REDIS_URL!,
      TASK_QUEUE: queueName,
      TASK_LOCAL_WORKER: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    if (output.includes('Task-Server läuft')) return child;
  }
  throw new Error(`Der Task-Server startete nicht: ${output}`);
}

describe.skipIf(!REDIS_URL)('Redis mode: a server dies holding accepted jobs in its fair queue', () => {
  const { queueName, cleanup } = testQueue();
  let holder: ChildProcess | undefined;
  let survivor: RedisRunner | undefined;
  const redis = REDIS_URL ? new Redis(REDIS_URL) : undefined;

  afterAll(async () => {
    holder?.kill('SIGKILL');
    await survivor?.close();
    await cleanup();
    redis?.disconnect();
  }, 30_000);

  it('another server runs every acknowledged job, and the client’s share is free again', async () => {
    holder = await startHolder(queueName);
    const accepted: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const answer = await postJson(`http://127.0.0.1:${PORT}/api/jobs`, { task: 'sum', params: [i, 10] });
      expect(answer.status).toBe(202);
      accepted.push(answer.body.id as string);
    }
    const share = `vs:${queueName}:share:${clientKey('127.0.0.1')}`;
    expect(await redis!.hget(share, 'waiting')).toBe('3');

    const exited = once(holder, 'exit');
    holder.kill('SIGKILL');
    await exited;

    survivor = new RedisRunner(await Catalogue.load(), {
      redisUrl: REDIS_URL!,
      queueName,
      localWorker: { threads: 1 },
      monitorMs: 200,
    });
    await survivor.ready();
    const results: unknown[] = [];
    for (const id of accepted) {
      await expect
        .poll(async () => (await survivor!.job(id))?.state, { timeout: 30_000, interval: 200 })
        .toBe('completed');
      results.push(((await survivor.job(id)) as Job).result);
    }
    expect(results).toEqual([11, 12, 13]);
    // Settled by the server that adopted the jobs, not by the 15-minute expiry.
    await expect.poll(async () => Number(await redis!.hget(share, 'waiting'))).toBe(0);
    await expect.poll(async () => Number(await redis!.hget(share, 'seconds'))).toBe(0);
    expect(await redis!.hlen(`vs:${queueName}:held`)).toBe(0);
  }, 60_000);
});
