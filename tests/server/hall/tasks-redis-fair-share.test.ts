import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FairShareError } from '../../../src/server/tasks/fair-share';
import { RedisRunner } from '../../../src/server/tasks/redis-runner';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { Job } from '../../../src/shared/tasks';
import { REDIS_URL } from '../tasks/redis-helpers';

const PREFIX = 'vs-tasks-test';

describe.skipIf(!REDIS_URL)('fair share on the Redis runner', () => {
  const queueName = `fair-${randomUUID()}`;
  let runner: RedisRunner;

  beforeAll(async () => {
    runner = new RedisRunner(await Catalogue.load(), {
      redisUrl: REDIS_URL!,
      prefix: PREFIX,
      queueName,
      localWorker: { threads: 2 },
      monitorMs: 200,
    });
    await runner.ready();
  });
  afterAll(async () => {
    await runner.close();
    const redis = new Redis(REDIS_URL!);
    const keys = await redis.keys(`${PREFIX}:${queueName}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const finished = async (id: string): Promise<Job> => {
    await expect.poll(async () => (await runner.job(id))?.state, { timeout: 30_000 }).toBe('completed');
    return (await runner.job(id))!;
  };

  it('runs a second client’s job before the first client’s backlog, although BullMQ serves in order', async () => {
    const call = (client: string) => ({ task: 'sleep', params: { ms: 300 }, client });
    // Two threads: in BullMQ's order, b would start after all eight; served in turn, it starts with a's fifth.
    const backlog = [];
    for (let i = 0; i < 8; i++) backlog.push((await runner.submit(call('a'))).job.id);
    const other = (await runner.submit(call('b'))).job.id;
    const [last, b] = await Promise.all([finished(backlog[7]!), finished(other)]);
    expect(Date.parse(b.startedAt!)).toBeLessThan(Date.parse(last.startedAt!));
    await Promise.all(backlog.map(finished));
  });

  it('refuses a client over its declared seconds with 429, and serves the next client', async () => {
    const flood = (ms: number) => runner.submit({ task: 'sleep', params: { ms }, client: 'flood' });
    const accepted = [await flood(60_000), await flood(60_000), await flood(60_000)];
    await expect(flood(60_000)).rejects.toBeInstanceOf(FairShareError);
    const student = await runner.execute({ task: 'sum', params: [2, 3], client: 'student' });
    expect(student.result).toBe(5);
    for (const { job } of accepted.reverse()) await runner.cancel(job.id);
  });
});
