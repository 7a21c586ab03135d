import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRunner } from '../../../src/server/tasks/redis-runner';
import { TaskWorker } from '../../../src/server/tasks/redis-worker';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { Job, StatusResponse } from '../../../src/shared/tasks';
import { postJson, readEvents, serve, TEST_TASKS, UNLIMITED_SHARE, type TestServer } from './helpers';
import { REDIS_URL, spawnWorker, TcpProxy, testQueue } from './redis-helpers';

async function status(server: TestServer): Promise<StatusResponse> {
  return (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
}

async function job(server: TestServer, id: string): Promise<Job> {
  return (await (await fetch(`${server.url}/api/jobs/${id}`)).json()) as Job;
}

describe.skipIf(!REDIS_URL)('task server on Redis + BullMQ', () => {
  let catalogue: Catalogue;
  const queue = testQueue();
  let server: TestServer;
  const workers: TaskWorker[] = [];

  beforeAll(async () => {
    catalogue = await Catalogue.load([TEST_TASKS.runaway]);
    const runner = new RedisRunner(catalogue, {
      redisUrl: REDIS_URL!,
      queueName: queue.queueName,
      localWorker: false,
      share: UNLIMITED_SHARE,
    });
    await runner.ready();
    server = await serve(runner);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await server.close();
    await queue.cleanup();
  });

  it('answers 503 naming `npm run worker` while no worker is online', async () => {
    const response = await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1] });
    expect(response.status).toBe(503);
    expect(response.body.message).toContain('npm run worker');
  });

  it('lists the workers that announced themselves, and execute waits for a worker’s result', async () => {
    for (const id of ['worker-a', 'worker-b']) {
      const worker = new TaskWorker(catalogue, {
        redisUrl: REDIS_URL!,
        queueName: queue.queueName,
        id,
        threads: 1,
        heartbeatMs: 300,
      });
      workers.push(worker);
      await worker.ready();
    }
    const online = await status(server);
    expect(online).toMatchObject({ backend: 'redis', available: true });
    expect(online.workers.map((worker) => worker.id)).toEqual(['worker-a', 'worker-b']);
    expect(online.workers[0]).toMatchObject({ pid: process.pid, capacity: 1, busy: false });

    const seed = { image: 'x', tag: 'latest', port: 5000, task: 'sum', params: [1, 2, 3, 4] };
    const answer = await postJson(`${server.url}/api/execute`, seed);
    expect(answer.body).toMatchObject({ result: 10, task: 'sum', worker: expect.stringMatching(/^worker-[ab]$/) });
    expect((await postJson(`${server.url}/api/execute`, { ...seed, task: 'multiplication' })).body.result).toBe(24);
  });

  it('spreads jobs over the workers and streams their progress through Redis', async () => {
    const created = await Promise.all(
      [1, 2].map(() => postJson(`${server.url}/api/jobs`, { task: 'primes', params: { n: 20_000_000 } })),
    );
    const streams = await Promise.all(created.map(({ body }) => readEvents(`${server.url}${body.events}`)));
    for (const events of streams) {
      expect(events.at(-1)).toMatchObject({ type: 'completed', job: { result: { count: 1_270_607 } } });
      expect(events.map((event) => event.type)).toContain('progress');
    }
    const ran = streams.map((events) => events.at(-1)!.job.worker);
    expect(new Set(ran)).toEqual(new Set(['worker-a', 'worker-b']));
  });

  it('execute held by one instance gets the result of a worker while another instance on the queue runs jobs too; a job submitted on one is followed to its end on the other', async () => {
    const runner = new RedisRunner(catalogue, {
      redisUrl: REDIS_URL!,
      queueName: queue.queueName,
      localWorker: false,
      share: UNLIMITED_SHARE,
    });
    await runner.ready();
    const other = await serve(runner);
    try {
      const submitted = await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 300 } });
      const [followed, ...answers] = await Promise.all([
        readEvents(`${other.url}${String(submitted.body.events)}`),
        ...[1, 2, 3].map((n) => postJson(`${other.url}/api/execute`, { task: 'sum', params: [n, 100] })),
        ...[1, 2, 3].map((n) => postJson(`${server.url}/api/execute`, { task: 'sum', params: [n, 200] })),
      ]);
      expect(answers.map((answer) => answer.body.result)).toEqual([101, 102, 103, 201, 202, 203]);
      expect(followed.at(-1)).toMatchObject({ type: 'completed', job: { id: submitted.body.id, state: 'completed' } });
      expect(await job(other, String(submitted.body.id))).toMatchObject({ state: 'completed' });
    } finally {
      await other.close();
    }
  });

  it('cancels a running job on whichever worker runs it', async () => {
    const created = await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 20_000 } });
    await expect.poll(async () => (await job(server, String(created.body.id))).state).toBe('active');
    const response = await fetch(`${server.url}${String(created.body.self)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${String(created.body.cancelToken)}` },
    });
    expect(await response.json()).toMatchObject({ state: 'cancelled', failure: 'cancelled' });
    expect(await job(server, String(created.body.id))).toMatchObject({ state: 'cancelled' });
  });

  it('answers a task past its time limit with 504 from a worker of the queue too', async () => {
    const response = await postJson(`${server.url}/api/execute`, { task: 'runaway', params: {} });
    expect(response.status).toBe(504);
    expect(response.body.message).toMatch(/Zeitlimit von 1000 ms/);
    expect((await postJson(`${server.url}/api/execute`, { task: 'sort', params: [3, 1, 2] })).body.result).toEqual([
      1, 2, 3,
    ]);
    expect((await fetch(`${server.url}/api/jobs/does-not-exist`)).status).toBe(404);
  });
});

describe.skipIf(!REDIS_URL)('when Redis goes away', () => {
  it('answers 503 with the reason and recovers by itself when Redis is back', async () => {
    const queue = testQueue();
    const proxy = new TcpProxy(new URL(REDIS_URL!));
    await proxy.start();
    const catalogue = await Catalogue.load();
    const runner = new RedisRunner(catalogue, {
      redisUrl: proxy.url,
      queueName: queue.queueName,
      localWorker: false,
      share: UNLIMITED_SHARE,
    });
    const worker = new TaskWorker(catalogue, {
      redisUrl: REDIS_URL!,
      queueName: queue.queueName,
      threads: 1,
      heartbeatMs: 300,
    });
    const server = await serve(runner);
    try {
      await Promise.all([runner.ready(), worker.ready()]);
      expect((await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1, 1] })).body.result).toBe(2);

      await proxy.stop();
      let refused = await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1] });
      await expect
        .poll(async () => (refused = await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1] })).status)
        .toBe(503);
      expect(refused.body.message).toMatch(/Redis unter redis:\/\/127\.0\.0\.1:\d+\/? ist nicht erreichbar/);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await postJson(`${server.url}/api/jobs`, { task: 'sum', params: [1] })).status).toBe(503);
      const down = (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
      expect(down).toMatchObject({ available: false, reason: expect.stringContaining('nicht erreichbar') });

      await proxy.start();
      await expect
        .poll(async () => (await postJson(`${server.url}/api/execute`, { task: 'sum', params: [2, 3] })).body.result, {
          timeout: 15_000,
        })
        .toBe(5);
    } finally {
      await server.close();
      await worker.close();
      await proxy.stop();
      await queue.cleanup();
    }
  });
});

describe.skipIf(!REDIS_URL)('worker processes (npm run worker)', () => {
  const queue = testQueue();
  let server: TestServer;
  const children = new Set<ChildProcess>();

  async function startWorker(): Promise<ChildProcess> {
    const child = spawnWorker(queue.queueName);
    children.add(child);
    child.on('exit', () => children.delete(child));
    return child;
  }

  function workerOf(child: ChildProcess, current: StatusResponse) {
    return current.workers.find((worker) => worker.pid === child.pid);
  }

  beforeAll(async () => {
    const runner = new RedisRunner(await Catalogue.load(), {
      redisUrl: REDIS_URL!,
      queueName: queue.queueName,
      localWorker: false,
      share: UNLIMITED_SHARE,
    });
    await runner.ready();
    server = await serve(runner);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await server.close();
    await queue.cleanup();
  });

  it('lets the running job finish on SIGTERM, then signs off', async () => {
    const child = await startWorker();
    await expect.poll(async () => workerOf(child, await status(server)), { timeout: 30_000 }).toBeDefined();
    const created = await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 1_500 } });
    await expect
      .poll(async () => (await job(server, String(created.body.id))).state, { timeout: 10_000 })
      .toBe('active');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
    const finished = await job(server, String(created.body.id));
    expect(finished).toMatchObject({ state: 'completed', result: { sleptMs: 1_500 } });
    expect(finished.worker).toMatch(new RegExp(`:${child.pid}$`));
    expect(workerOf(child, await status(server))).toBeUndefined();
  });

  it('completes every job exactly once although workers are killed mid-job 20 times', async () => {
    const jobCount = 12;
    const events = new QueueEvents(queue.queueName, { connection: { url: REDIS_URL! }, prefix: 'vs' });
    const completions = new Map<string, number>();
    const failures: string[] = [];
    events.on('completed', ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
    events.on('failed', ({ jobId }) => failures.push(jobId));
    await events.waitUntilReady();
    const before = (await status(server)).jobs.done;
    try {
      const ids = Array.from({ length: jobCount }, (_, i) => `kill-${i}`);
      for (const id of ids) await postJson(`${server.url}/api/jobs`, { id, task: 'sleep', params: { ms: 1_500 } });
      for (let i = 0; i < 3; i++) await startWorker();

      let kills = 0;
      const killed = new Set<number>();
      while (kills < 20) {
        const current = await status(server);
        const victim = [...children].find((child) => {
          const worker = workerOf(child, current);
          return worker?.busy && !killed.has(child.pid!);
        });
        if (!victim) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        killed.add(victim.pid!);
        victim.kill('SIGKILL');
        kills++;
        await startWorker();
      }

      await expect
        .poll(async () => (await Promise.all(ids.map((id) => job(server, id)))).every((j) => j.state === 'completed'), {
          timeout: 60_000,
          interval: 500,
        })
        .toBe(true);
      const finished = await Promise.all(ids.map((id) => job(server, id)));
      for (const done of finished) expect(done.result).toEqual({ sleptMs: 1_500 });
      await expect.poll(() => completions.size).toBe(jobCount);
      expect([...completions.values()]).toEqual(Array(jobCount).fill(1));
      expect(failures).toEqual([]);
      expect((await status(server)).jobs.done - before).toBe(jobCount);
    } finally {
      await events.close();
    }
  }, 240_000);
});
