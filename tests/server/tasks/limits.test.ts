import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, StatusResponse } from '../../../src/shared/tasks';
import { embeddedRunner, postJson, serve, TEST_TASKS, type TestServer } from './helpers';

const RUNAWAY_LIMIT_MS = 1_000;

describe('limits of a task run', () => {
  let server: TestServer;

  beforeAll(async () => {
    const runner = await embeddedRunner({ threads: 2, memoryMb: 32 }, [TEST_TASKS.runaway, TEST_TASKS.memoryHog]);
    server = await serve(runner);
    // Both threads are up once each has answered.
    await Promise.all([1, 2].map(() => postJson(`${server.url}/api/execute`, { task: 'sleep', params: { ms: 50 } })));
  });
  afterAll(() => server.close());

  it('ends a runaway task within its time limit + 500 ms with 504, then serves the next 100 requests', async () => {
    const started = performance.now();
    const response = await postJson(`${server.url}/api/execute`, { task: 'runaway', params: {} });
    const elapsed = performance.now() - started;
    expect(response.status).toBe(504);
    expect(response.body.message).toMatch(/Zeitlimit von 1000 ms/);
    expect(elapsed).toBeLessThan(RUNAWAY_LIMIT_MS + 500);

    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => postJson(`${server.url}/api/execute`, { task: 'sum', params: [i, 1] })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(100).fill(200));
    expect(results.map((result) => result.body.result)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('fails a task past its memory limit and keeps serving', async () => {
    const created = await postJson(`${server.url}/api/jobs`, { task: 'memory-hog', params: {} });
    await expect
      .poll(async () => ((await (await fetch(`${server.url}${created.body.self}`)).json()) as Job).state, {
        timeout: 20_000,
      })
      .toBe('failed');
    const job = (await (await fetch(`${server.url}${created.body.self}`)).json()) as Job;
    expect(job).toMatchObject({ failure: 'memory', error: expect.stringContaining('32 MB') });
    const after = await postJson(`${server.url}/api/execute`, { task: 'sum', params: [2, 2] });
    expect(after.body.result).toBe(4);
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as StatusResponse;
    expect(status.jobs.failed).toBeGreaterThanOrEqual(2);
  });
});

describe('a full queue', () => {
  it('answers 503 with Retry-After', async () => {
    const server = await serve(await embeddedRunner({ threads: 1, share: { total: 2 } }));
    try {
      const accepted = [];
      for (let i = 0; i < 3; i++) {
        accepted.push(await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 3_000 } }));
      }
      expect(accepted.map((response) => response.status)).toEqual([202, 202, 202]);
      const refused = await postJson(`${server.url}/api/execute`, { task: 'sum', params: [1] });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({ limit: 2, message: expect.stringContaining('Warteschlange ist voll') });
    } finally {
      await server.close();
    }
  });
});

describe('the task server’s sources', () => {
  it('run tasks without eval, new Function, node:vm or child processes', () => {
    const root = new URL('../../../src/server/tasks/', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|node:vm|['"]vm['"]|child_process/);
    }
  });
});
