import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecuteResponse, Job, StatusResponse } from '../../../src/shared/tasks';
import { embeddedRunner, postJson, readEvents, serve, type TestServer } from './helpers';

let server: TestServer;

beforeAll(async () => {
  server = await serve(await embeddedRunner({ threads: 2 }), { rateLimit: false, bodyLimit: 64 * 1024 });
});
afterAll(() => server.close());

async function send(body: string, contentType = 'application/json') {
  const response = await fetch(`${server.url}/api/execute`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('task API (embedded worker threads)', () => {
  it('answers the seed client’s exact request; image, tag and port are accepted and ignored', async () => {
    const seed = { image: 'registry.example/sum', tag: 'latest', port: 5000, task: 'sum', params: [1, 2, 3, 4] };
    const sum = await postJson(`${server.url}/api/execute`, seed);
    expect(sum.status).toBe(200);
    expect(sum.body).toMatchObject({ result: 10, task: 'sum', worker: expect.stringMatching(/^thread-\d+$/) });
    expect(typeof (sum.body as ExecuteResponse).message).toBe('string');
    expect((sum.body as ExecuteResponse).durationMs).toBeGreaterThanOrEqual(0);
    const product = await postJson(`${server.url}/api/execute`, { ...seed, task: 'multiplication' });
    expect(product.body).toMatchObject({ result: 24, task: 'multiplication' });
  });

  it('runs tasks on worker threads of this process, two at a time', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() => postJson(`${server.url}/api/execute`, { task: 'sleep', params: { ms: 300 } })),
    );
    expect(new Set([a!.body.worker, b!.body.worker]).size).toBe(2);
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
    expect(status.workers.map((worker) => worker.id).sort()).toEqual([a!.body.worker, b!.body.worker].sort());
    for (const worker of status.workers) expect(worker.pid).toBe(process.pid);
  });

  it('lists the catalogue with each task’s parameter schema', async () => {
    const { tasks } = (await (await fetch(`${server.url}/api/tasks`)).json()) as { tasks: { name: string }[] };
    expect(tasks.map((task) => task.name)).toEqual([
      'sum',
      'multiplication',
      'primes',
      'pi',
      'fibonacci',
      'hash',
      'sort',
      'sleep',
      'counter',
    ]);
    expect(tasks[0]).toMatchObject({ params: { type: 'array', items: { type: 'number' }, maxItems: 10_000 } });
  });

  it('reports status: service, backend, workers, queue, counts and latency per task', async () => {
    await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1, 2] });
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
    expect(status).toMatchObject({ service: 'task-server', backend: 'embedded', available: true });
    expect(status.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(status.workers).toHaveLength(2);
    expect(status.workers[0]).toMatchObject({ host: expect.any(String), busy: false, capacity: 1 });
    expect(status.queue.limit).toBeGreaterThan(0);
    expect(status.jobs.done).toBeGreaterThan(0);
    expect(status.latency.sum?.count).toBeGreaterThan(0);
  });

  it('queues a job, streams queued/active/progress/completed, and keeps the result', async () => {
    const created = await postJson(`${server.url}/api/jobs`, { task: 'primes', params: { n: 30_000_000 } });
    expect(created.status).toBe(202);
    expect(created.headers.get('location')).toBe(`/api/jobs/${created.body.id}`);
    const events = await readEvents(`${server.url}${created.body.events}`);
    const types = events.map((event) => event.type);
    expect(types.at(-1)).toBe('completed');
    expect(types).toContain('progress');
    const progress = events.map((event) => event.job.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const job = (await (await fetch(`${server.url}${created.body.self}`)).json()) as Job;
    expect(job).toMatchObject({ state: 'completed', progress: 1, result: { count: 1_857_859 } });
    expect(job.worker).toMatch(/^thread-/);
    expect(Date.parse(job.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(job.startedAt!));
  });

  it('sends a finished job’s outcome to a late subscriber and ends the stream', async () => {
    const created = await postJson(`${server.url}/api/jobs`, { task: 'sum', params: [5] });
    await readEvents(`${server.url}${created.body.events}`);
    const events = await readEvents(`${server.url}${created.body.events}`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'completed', job: { result: 5 } });
  });

  it('cancels a running job with DELETE', async () => {
    const created = await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 20_000 } });
    const events = readEvents(`${server.url}${created.body.events}`);
    await expect
      .poll(async () => ((await (await fetch(`${server.url}${created.body.self}`)).json()) as Job).state)
      .toBe('active');
    const cancelled = await fetch(`${server.url}${created.body.self}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${created.body.cancelToken}` },
    });
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ state: 'cancelled', failure: 'cancelled' });
    expect((await events).at(-1)).toMatchObject({ type: 'failed', job: { state: 'cancelled' } });
  });

  it('treats a job id sent again with the same call as the same job', async () => {
    const id = `same-${Date.now()}`;
    const first = await postJson(`${server.url}/api/jobs`, { id, task: 'sum', params: [1] });
    const second = await postJson(`${server.url}/api/jobs`, { id, task: 'sum', params: [1] });
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.cancelToken).toBe(first.body.cancelToken);
    await readEvents(`${server.url}/api/jobs/${id}/events`);
    expect(await (await fetch(`${server.url}/api/jobs/${id}`)).json()).toMatchObject({ result: 1 });
  });

  it('answers 404 for an unknown job', async () => {
    for (const [method, path] of [
      ['GET', ''],
      ['DELETE', ''],
      ['GET', '/events'],
    ] as const) {
      const response = await fetch(`${server.url}/api/jobs/nope${path}`, { method });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ field: 'id', message: expect.stringContaining('nope') });
    }
  });
});

describe('bad input gets a clear JSON error naming the problem', () => {
  it('unknown task → 404 with the known tasks', async () => {
    const { status, body } = await send(JSON.stringify({ task: 'mandelbrot', params: [] }));
    expect(status).toBe(404);
    expect(body.tasks).toEqual(expect.arrayContaining(['sum', 'multiplication', 'primes']));
    expect(body.message).toContain('mandelbrot');
  });

  it.each([
    ['a wrong parameter type', { task: 'sum', params: [1, 'zwei'] }, 'params[1]'],
    ['a wrong task type', { task: 7, params: [] }, 'task'],
    ['a missing task', { params: [1] }, 'task'],
    ['missing params', { task: 'sum' }, 'params'],
    ['a missing parameter', { task: 'primes', params: {} }, 'params.n'],
    ['a fraction where an integer belongs', { task: 'fibonacci', params: { n: 1.5 } }, 'params.n'],
    ['an unknown field', { task: 'sum', params: [], priority: 1 }, 'priority'],
    ['a port out of range', { task: 'sum', params: [], port: 70_000 }, 'port'],
  ])('400 for %s', async (_case, body, field) => {
    const response = await send(JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(field);
  });

  it('400 for Infinity (1e999 in JSON) and for NaN', async () => {
    const infinity = await send('{"task": "sum", "params": [1, 1e999]}');
    expect(infinity).toMatchObject({ status: 400, body: { field: 'params[1]' } });
    const nan = await send('{"task": "sum", "params": [NaN]}');
    expect(nan.status).toBe(400);
  });

  it('400 for __proto__ and constructor keys, at the top and inside params', async () => {
    const cases: [string, string][] = [
      ['{"task": "sum", "params": [1], "__proto__": {"admin": true}}', '__proto__'],
      ['{"task": "sum", "params": [1], "constructor": {"prototype": {"admin": true}}}', 'constructor'],
      ['{"task": "primes", "params": {"n": 10, "__proto__": {"n": 1}}}', 'params.__proto__'],
      ['{"task": "primes", "params": {"n": 10, "constructor": 1}}', 'params.constructor'],
    ];
    for (const [body, field] of cases) {
      const response = await send(body);
      expect(response.status, body).toBe(400);
      expect(response.body.field).toBe(field);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('400 stating the limit for too many numbers and too large n', async () => {
    const many = await send(JSON.stringify({ task: 'sum', params: Array(10_001).fill(1) }));
    expect(many).toMatchObject({ status: 400, body: { field: 'params', limit: 10_000 } });
    expect(many.body.message).toContain('10000');
    const large = await send(JSON.stringify({ task: 'primes', params: { n: 1e12 } }));
    expect(large).toMatchObject({ status: 400, body: { field: 'params.n', limit: 100_000_000 } });
  });

  it('400 for malformed JSON', async () => {
    const response = await send('{"task": "sum", "params": [1, 2');
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/JSON/);
  });

  it('413 stating the limit for an oversized body', async () => {
    const response = await send(JSON.stringify({ task: 'sort', params: Array(20_000).fill(123456.789) }));
    expect(response).toMatchObject({ status: 413, body: { limit: 64 * 1024 } });
  });

  it('422 when a task itself fails, with its reason', async () => {
    const response = await send(JSON.stringify({ task: 'multiplication', params: Array(30).fill(1e15) }));
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/zu groß/);
  });
});

describe('flood protection', () => {
  it('answers 429 with a German reason once a client exceeds its request budget', async () => {
    const limited = await serve(await embeddedRunner({ threads: 1 }), { rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        statuses.push((await postJson(`${limited.url}/api/execute`, { task: 'sum', params: [i] })).status);
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      const response = await postJson(`${limited.url}/api/execute`, { task: 'sum', params: [1] });
      expect(response.body).toMatchObject({ statusCode: 429, limit: 5, message: expect.stringContaining('Zu viele') });
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
