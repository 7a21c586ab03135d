import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasksPlugin } from '../../../src/server/tasks/plugin';
import type { Job, JobCreated, StatusResponse } from '../../../src/shared/tasks';
import { embeddedRunner } from '../tasks/helpers';

const ADMIN_TOKEN = 'hoersaal-admin-geheim';
const ALICE = '10.0.0.1';
const BOB = '10.0.0.2';

let app: FastifyInstance;

beforeAll(async () => {
  const runner = await embeddedRunner({ threads: 2 });
  app = Fastify();
  app.addHook('onClose', () => runner.close());
  await app.register(tasksPlugin, { runner, rateLimit: false, adminToken: ADMIN_TOKEN });
});
afterAll(() => app.close());

async function createJob(from: string, body: object): Promise<JobCreated & { statusCode: number }> {
  const response = await app.inject({ method: 'POST', url: '/api/jobs', remoteAddress: from, payload: body });
  return { ...(response.json() as JobCreated), statusCode: response.statusCode };
}

function cancel(id: string, from: string, token?: string) {
  return app.inject({
    method: 'DELETE',
    url: `/api/jobs/${id}`,
    remoteAddress: from,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

async function waitForState(id: string, state: Job['state']): Promise<void> {
  await expect
    .poll(async () => (await app.inject(`/api/jobs/${id}`)).json<Job>().state, { timeout: 15_000 })
    .toBe(state);
}

describe('job ownership', () => {
  it('generates unguessable job ids (128 random bits) and gives the creator a cancel token', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const created = await createJob(ALICE, { task: 'sum', params: [i] });
      expect(created.statusCode).toBe(202);
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(created.cancelToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      ids.add(created.id);
    }
    expect(ids.size).toBe(20);
  });

  it('lets only the cancel token or ADMIN_TOKEN cancel a job; reading it stays open', async () => {
    const alices = await createJob(ALICE, { task: 'sleep', params: { ms: 20_000 } });
    await waitForState(alices.id, 'active');
    const bobs = await createJob(BOB, { task: 'sleep', params: { ms: 20_000 } });

    const anonymous = await cancel(alices.id, BOB);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.json().message).toMatch(/brauchen Sie das cancelToken/);

    const foreign = await cancel(alices.id, BOB, bobs.cancelToken);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toMatch(/nur, wer den Job angelegt hat/);
    expect((await app.inject({ url: `/api/jobs/${alices.id}`, remoteAddress: BOB })).json<Job>().state).toBe('active');

    const own = await cancel(alices.id, ALICE, alices.cancelToken);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ state: 'cancelled' });

    const admin = await cancel(bobs.id, ALICE, ADMIN_TOKEN);
    expect(admin.statusCode).toBe(200);
    expect(admin.json()).toMatchObject({ state: 'cancelled' });
  });

  it('shows counts and worker activity in /api/status, but another client’s job id to nobody', async () => {
    const alices = await createJob(ALICE, { task: 'sleep', params: { ms: 20_000 }, id: 'alice-geheim-1' });
    await waitForState(alices.id, 'active');
    const forBob = await app.inject({ url: '/api/status', remoteAddress: BOB });
    expect(forBob.body).not.toContain(alices.id);
    const bobView = forBob.json<StatusResponse>();
    expect(bobView.workers.flatMap((worker) => worker.running)).toContainEqual({ task: 'sleep' });
    expect(bobView.queue.active).toBeGreaterThanOrEqual(1);

    const forAlice = (await app.inject({ url: '/api/status', remoteAddress: ALICE })).json<StatusResponse>();
    expect(forAlice.workers.flatMap((worker) => worker.running)).toContainEqual({ job: alices.id, task: 'sleep' });
    await cancel(alices.id, ALICE, alices.cancelToken);
  });

  it('answers the same job id with other parameters with 409; the same call gets the same job', async () => {
    const first = await createJob(ALICE, { id: 'uebung-2-job', task: 'sum', params: [1, 2] });
    expect(first.statusCode).toBe(202);
    const again = await createJob(ALICE, { id: 'uebung-2-job', task: 'sum', params: [1, 2] });
    expect(again).toMatchObject({ statusCode: 202, id: first.id, cancelToken: first.cancelToken });
    const other = await app.inject({
      method: 'POST',
      url: '/api/jobs',
      remoteAddress: ALICE,
      payload: { id: 'uebung-2-job', task: 'sum', params: [3, 4] },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ field: 'id', message: expect.stringContaining('anderen Parametern') });
    const fromBob = await createJob(BOB, { id: 'uebung-2-job', task: 'sum', params: [1, 2] });
    expect(fromBob).toMatchObject({ statusCode: 202, id: first.id });
    expect(fromBob.cancelToken).toBeUndefined();
  });
});
