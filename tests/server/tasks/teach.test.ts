import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/tasks';
import type { BalanceReport, Counter, LoadReport } from '../../../src/shared/teach';
import { embeddedRunner, postJson, serve, type TestServer } from './helpers';

const TOKEN = 'presenter-secret';

async function post(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the failure demos of the task server (embedded)', () => {
  let server: TestServer;
  const job = (id: string) => getJson<Job>(`${server.url}/api/jobs/${id}`);
  const finished = async (id: string) => {
    await expect.poll(async () => (await job(id)).state, { timeout: 15_000 }).toMatch(/completed|failed|cancelled/);
    return job(id);
  };

  beforeAll(async () => {
    server = await serve(await embeddedRunner({ threads: 2, share: { running: 4, queued: 10, workSeconds: 180 } }), {
      rateLimit: false,
      presenterToken: TOKEN,
    });
  });
  afterAll(async () => server.close());

  it('counts twice for a request sent twice, once when the retry carries the same job id', async () => {
    const slot = 4001;
    const count = async () => (await getJson<Counter>(`${server.url}/api/counters/${slot}`)).count;
    expect(await count()).toBe(0);
    const twice = await Promise.all(
      [1, 2].map(() => postJson(`${server.url}/api/jobs`, { task: 'counter', params: { slot } })),
    );
    for (const answer of twice) await finished(answer.body.id as string);
    expect(await count()).toBe(2);

    const id = 'idem-4001-a';
    const again = await Promise.all(
      [1, 2].map(() => postJson(`${server.url}/api/jobs`, { task: 'counter', params: { slot }, id })),
    );
    expect(again.map((answer) => answer.body.id)).toEqual([id, id]);
    expect((await finished(id)).result).toEqual({ slot, count: 3 });
    expect(await count()).toBe(3);

    expect((await fetch(`${server.url}/api/counters/4096`)).status).toBe(400);
  });

  it('crashes the thread running a job only with the presenter token; the job runs again and ends once', async () => {
    const id = 'crash-embedded-1';
    expect((await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 1500 }, id })).status).toBe(202);
    await expect.poll(async () => (await job(id)).state, { timeout: 15_000 }).toBe('active');
    const first = await job(id);
    expect(first.attempts).toBe(1);

    const refused = await post(`${server.url}/api/jobs/${id}/crash`, {});
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/Token fehlt/);
    expect((await post(`${server.url}/api/jobs/${id}/crash`, {}, 'falsch')).status).toBe(403);
    expect((await post(`${server.url}/api/jobs/unbekannt-1/crash`, {}, TOKEN)).status).toBe(404);

    const crashed = await post(`${server.url}/api/jobs/${id}/crash`, {}, TOKEN);
    expect(crashed.status).toBe(200);
    expect(crashed.body.worker).toBe(first.worker);
    const done = await finished(id);
    expect(done).toMatchObject({ state: 'completed', attempts: 2, result: { sleptMs: 1500 } });
    // piscina ended the crashed thread: the second attempt ran on a thread that was not there before.
    expect(done.worker).not.toBe(first.worker);

    const late = await post(`${server.url}/api/jobs/${id}/crash`, {}, TOKEN);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/läuft gerade nicht/);
  });

  it('refuses a third crash of the same job', async () => {
    const id = 'crash-embedded-2';
    await postJson(`${server.url}/api/jobs`, { task: 'sleep', params: { ms: 3000 }, id });
    for (const attempt of [1, 2]) {
      await expect
        .poll(async () => ({ state: (await job(id)).state, attempts: (await job(id)).attempts }), { timeout: 15_000 })
        .toEqual({
          state: 'active',
          attempts: attempt,
        });
      expect((await post(`${server.url}/api/jobs/${id}/crash`, {}, TOKEN)).status).toBe(200);
    }
    await expect.poll(async () => (await job(id)).attempts, { timeout: 15_000 }).toBe(3);
    const third = await post(`${server.url}/api/jobs/${id}/crash`, {}, TOKEN);
    expect(third.status).toBe(409);
    expect(third.body.message).toMatch(/3 Versuche/);
    expect(await finished(id)).toMatchObject({ state: 'completed', attempts: 3 });
  });

  it('starts the load generator only with the token and within its bounds', async () => {
    const request = { rate: 10, durationS: 2, jobMs: 500 };
    expect((await post(`${server.url}/api/load`, request)).status).toBe(401);
    expect((await post(`${server.url}/api/load`, request, 'falsch')).status).toBe(403);
    for (const beyond of [
      { ...request, rate: 21 },
      { ...request, durationS: 31 },
      { ...request, jobMs: 50 },
      { ...request, extra: 1 },
    ]) {
      const answer = await post(`${server.url}/api/load`, beyond, TOKEN);
      expect(answer.status, JSON.stringify(beyond)).toBe(400);
      expect(answer.body.message).toMatch(/[äöüß]|muss|darf|höchstens|mindestens/);
    }
  });

  it('drives the server above capacity: the queue fills, 429 appears, others are still served, L ≈ λ·W', async () => {
    const started = await post(`${server.url}/api/load`, { rate: 20, durationS: 3, jobMs: 500 }, TOKEN);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ state: 'running', capacityPerS: 4 });
    expect((await post(`${server.url}/api/load`, { rate: 1, durationS: 2, jobMs: 100 }, TOKEN)).status).toBe(409);

    // A student's job meanwhile: the generator is one client among others and gets its turn only.
    const student = await postJson(`${server.url}/api/jobs`, { task: 'sum', params: [1, 2, 3] });
    expect(student.status).toBe(202);

    await expect
      .poll(async () => (await getJson<LoadReport>(`${server.url}/api/load`)).refused['429'], { timeout: 10_000 })
      .toBeGreaterThan(0);
    const { samples } = await getJson<LoadReport>(`${server.url}/api/load`);
    // Two threads hold two jobs; the rest waits in the queue, up to the generator's 10 places.
    expect(Math.max(...samples.map((sample) => sample.inSystem))).toBeGreaterThanOrEqual(6);
    expect(Math.max(...samples.map((sample) => sample.waiting))).toBeGreaterThanOrEqual(4);
    expect((await finished(student.body.id as string)).result).toBe(6);

    await expect
      .poll(async () => (await getJson<LoadReport>(`${server.url}/api/load`)).state, { timeout: 30_000 })
      .toBe('finished');
    const report = await getJson<LoadReport>(`${server.url}/api/load`);
    expect(report.completed).toBe(report.accepted);
    expect(report.accepted + report.refused['429'] + report.refused['503']).toBe(report.sent);
    expect(report.sent).toBe(60);
    // Little's law holds for the measured figures: the run starts and ends with an empty system.
    const little = report.arrivalPerS * report.meanLatencyS;
    expect(Math.abs(little - report.meanInSystem) / report.meanInSystem).toBeLessThan(0.25);
  });

  it('balances real jobs over workers of different speed, each algorithm its own way', async () => {
    const run = async (algorithm: string): Promise<BalanceReport> => {
      const started = await post(`${server.url}/api/balance`, { algorithm, jobs: 12, intervalMs: 100 }, TOKEN);
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      await expect
        .poll(async () => (await getJson<BalanceReport>(`${server.url}/api/balance`)).state, { timeout: 30_000 })
        .toBe('finished');
      return getJson<BalanceReport>(`${server.url}/api/balance`);
    };
    expect(
      (await post(`${server.url}/api/balance`, { algorithm: 'round-robin', jobs: 12, intervalMs: 100 })).status,
    ).toBe(401);
    expect(
      (await post(`${server.url}/api/balance`, { algorithm: 'zufall', jobs: 12, intervalMs: 100 }, TOKEN)).status,
    ).toBe(400);
    expect(
      (await post(`${server.url}/api/balance`, { algorithm: 'weighted', jobs: 31, intervalMs: 100 }, TOKEN)).status,
    ).toBe(400);

    const counts = (report: BalanceReport) => report.lanes.map((lane) => lane.assigned);
    const roundRobin = await run('round-robin');
    expect(counts(roundRobin)).toEqual([4, 4, 4]);
    expect(roundRobin.lanes.map((lane) => lane.done)).toEqual([4, 4, 4]);
    expect(roundRobin.lanes.every((lane) => lane.meanLatencyMs > 0 && lane.inFlight === 0)).toBe(true);

    expect(counts(await run('weighted'))).toEqual([6, 4, 2]);
    const ipHash = await run('ip-hash');
    // Each client always lands on the same worker.
    const byClient = new Map<string, Set<string>>();
    for (const { client, lane } of ipHash.arrivals) byClient.set(client, (byClient.get(client) ?? new Set()).add(lane));
    expect([...byClient.values()].every((lanes) => lanes.size === 1)).toBe(true);

    const least = await run('least-connections');
    expect(least.lanes.reduce((sum, lane) => sum + lane.done, 0)).toBe(12);
    expect(least.arrivals).toHaveLength(12);
  }, 120_000);
});
