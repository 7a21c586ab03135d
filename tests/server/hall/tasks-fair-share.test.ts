import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { EmbeddedRunner } from '../../../src/server/tasks/embedded-runner';
import { QueueFullError } from '../../../src/server/tasks/errors';
import { DEFAULT_FAIR_SHARE, FairQueue, FairShareError } from '../../../src/server/tasks/fair-share';
import { tasksPlugin } from '../../../src/server/tasks/plugin';
import { Catalogue } from '../../../src/server/tasks/task-catalogue';
import type { Job, JobCreated } from '../../../src/shared/tasks';

describe('the fair queue', () => {
  const limits = { ...DEFAULT_FAIR_SHARE, running: 1 };

  it('serves clients in turn, not in order of arrival, and one job per client at a time', () => {
    const queue = new FairQueue<string>(limits);
    const places = new Map(['a1', 'a2', 'a3', 'b1', 'c1'].map((job) => [job, queue.enqueue(job[0]!, job, 1)]));
    expect(queue.take(5, 5).map((place) => place.item)).toEqual(['a1', 'b1', 'c1']);
    expect(queue.take(5, 5)).toEqual([]);
    queue.finished(places.get('a1')!);
    queue.enqueue('b', 'b2', 1);
    queue.finished(places.get('b1')!);
    expect(queue.take(5, 5).map((place) => place.item)).toEqual(['a2', 'b2']);
  });

  it('leaves one worker place to short jobs', () => {
    const queue = new FairQueue<string>(limits);
    queue.enqueue('x', 'long-x', 60);
    queue.enqueue('y', 'long-y', 60);
    queue.enqueue('z', 'short-z', 1);
    expect(queue.take(2, 2).map((place) => place.item)).toEqual(['long-x', 'short-z']);
    expect(queue.waiting).toBe(1);
  });

  it('refuses a client over its share with 429, everyone over the total with 503', () => {
    const queue = new FairQueue<number>({ ...limits, queued: 2, workSeconds: 100, total: 3 });
    queue.enqueue('a', 1, 10);
    queue.enqueue('a', 2, 10);
    expect(() => queue.enqueue('a', 3, 10)).toThrow(FairShareError);
    expect(() => queue.enqueue('b', 4, 101)).toThrow(/101 s Rechenzeit angemeldet \(höchstens 100 s je Client\)/);
    queue.enqueue('b', 5, 10);
    expect(() => queue.enqueue('c', 6, 1)).toThrow(QueueFullError);
  });
});

describe('fair share on the embedded runner', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const runner = new EmbeddedRunner(await Catalogue.load(), { threads: 2 });
    app = Fastify();
    app.addHook('onClose', () => runner.close());
    await app.register(tasksPlugin, { runner, rateLimit: false });
  });
  afterAll(() => app.close());

  const post = (url: string, from: string, payload: object) =>
    app.inject({ method: 'POST', url, remoteAddress: from, payload });

  it('refuses a flood of long jobs with 429 and Retry-After while every other client is served', async () => {
    const flood = [];
    for (let i = 0; i < 5; i++)
      flood.push(await post('/api/jobs', '10.6.6.6', { task: 'sleep', params: { ms: 60_000 } }));
    expect(flood.map((response) => response.statusCode)).toEqual([202, 202, 202, 429, 429]);
    const refused = flood[3]!;
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json()).toMatchObject({
      limit: DEFAULT_FAIR_SHARE.workSeconds,
      message: expect.stringMatching(/^Ihre Jobs hätten zusammen 240 s Rechenzeit angemeldet/),
    });

    const students = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post('/api/execute', `10.1.0.${i + 1}`, { task: 'sum', params: [i, 1] })),
    );
    expect(students.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    expect(students.map((response) => response.json().result)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    for (const response of flood.slice(0, 3)) {
      const { id, cancelToken } = response.json<JobCreated>();
      await app.inject({
        method: 'DELETE',
        url: `/api/jobs/${id}`,
        headers: { authorization: `Bearer ${cancelToken}` },
      });
    }
  });
});

describe('round robin on one thread', () => {
  it('runs a second client’s job before the first client’s backlog', async () => {
    const runner = new EmbeddedRunner(await Catalogue.load(), { threads: 1 });
    try {
      const call = (client: string) => ({ task: 'sleep', params: { ms: 200 }, client });
      const backlog = [];
      for (let i = 0; i < 4; i++) backlog.push((await runner.submit(call('a'))).job.id);
      const other = (await runner.submit(call('b'))).job.id;
      const finished = async (id: string): Promise<Job> => {
        await expect.poll(async () => (await runner.job(id))?.state, { timeout: 30_000 }).toBe('completed');
        return (await runner.job(id))!;
      };
      const [second, b] = await Promise.all([finished(backlog[1]!), finished(other)]);
      expect(Date.parse(b.startedAt!)).toBeLessThan(Date.parse(second.startedAt!));
    } finally {
      await runner.close();
    }
  });
});

describe('fair-share configuration', () => {
  it('sizes the defaults for a hall and takes each limit from the environment', () => {
    expect(loadConfig({}).taskShare).toEqual(DEFAULT_FAIR_SHARE);
    const config = loadConfig({
      TASK_CLIENT_RUNNING: '2',
      TASK_CLIENT_QUEUED: '4',
      TASK_CLIENT_WORK_S: '600',
      TASK_QUEUE_LIMIT: '5000',
      TASK_LONG_JOB_S: '30',
    });
    expect(config.taskShare).toEqual({ running: 2, queued: 4, workSeconds: 600, total: 5_000, longJobSeconds: 30 });
    expect(() => loadConfig({ TASK_CLIENT_QUEUED: '-1' })).toThrow(/TASK_CLIENT_QUEUED muss eine ganze Zahl/);
  });
});
