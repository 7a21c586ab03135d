import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../event-stream';
import { follow, missingForCluster, testCluster, until, visit, type TestCluster } from './helpers';

const skip = missingForCluster();
const PORT = Number(process.env.CLUSTER_TEST_PORT ?? 4520);
const DECK = 'kapitel-2';

let cluster: TestCluster;

beforeAll(async () => {
  if (skip) return;
  cluster = await testCluster(PORT, { TRACKING_RATE_LIMIT: '3' });
}, 180_000);

afterAll(async () => {
  await cluster?.dispose();
}, 60_000);

const instance = (index: number) => cluster.instances[index]!.url;

describe.skipIf(skip)('three instances behind nginx, with Redis and PostgreSQL', () => {
  it('names the instance on every answer, and nginx spreads requests over all three', async () => {
    const names = new Set<string>();
    for (let request = 0; request < 9; request += 1) {
      const response = await fetch(`${cluster.url}/api/health`);
      expect(response.ok).toBe(true);
      names.add(response.headers.get('x-instance') ?? '');
    }
    expect([...names].sort()).toEqual(['instanz-1', 'instanz-2', 'instanz-3']);
    expect((await fetch(`${instance(1)}/api/visits/status`)).headers.get('x-instance')).toBe('instanz-2');
  });

  it('a visit posted through instance A appears in a stream on instance C', async () => {
    const stream = await openEventStream(`${instance(2)}/api/visits/stream`);
    const path = `/cluster/${Date.now()}`;
    const posted = await visit(instance(0), path, '198.51.100.20');
    expect(posted.status).toBe(201);
    for (;;) {
      const event = await stream.next();
      if (event.event === 'visit' && (JSON.parse(event.data) as { path: string }).path === path) break;
    }
    stream.close();
  });

  it('a presenter on A drives followers pinned to B and C; a late joiner on C gets slide and demo state at once', async () => {
    const auth = { authorization: `Bearer ${cluster.presenterToken}`, 'content-type': 'application/json' };
    const onB = follow(`${instance(1)}/api/follow/${DECK}/events`, '198.51.100.31');
    const onC = follow(`${instance(2)}/api/follow/${DECK}/events`, '198.51.100.32');
    await until(() => (onB.connections > 0 && onC.connections > 0 ? true : undefined), 'followers connected');
    // A follower counts once its stream is open: publish until both have the slide.
    await until(async () => {
      const published = await fetch(`${instance(0)}/api/follow/${DECK}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ index: 7 }),
      });
      expect(published.status).toBe(200);
      return onB.slides.includes(7) && onC.slides.includes(7) ? true : undefined;
    }, 'slide 7 on B and C');
    const demo = await fetch(`${instance(0)}/api/follow/${DECK}/state/4-1`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ demo: 'task', runs: 3 }),
    });
    expect(demo.status).toBe(200);

    const late = await openEventStream(`${instance(2)}/api/follow/${DECK}/events`);
    const first = await late.next();
    expect(first.event).toBe('slide');
    expect(JSON.parse(first.data)).toMatchObject({ deck: DECK, index: 7, live: true });
    const second = await late.next();
    expect(second.event).toBe('demo');
    expect(JSON.parse(second.data)).toEqual({ key: '4-1', state: { demo: 'task', runs: 3 } });
    late.close();
    expect(await (await fetch(`${instance(1)}/api/follow/${DECK}`)).json()).toMatchObject({ index: 7, live: true });
    onB.close();
    onC.close();
  });

  it('a job created on B is run by a worker and its result read on C', async () => {
    const created = await fetch(`${instance(1)}/api/jobs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ task: 'sum', params: [1, 2, 3, 4] }),
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    const job = await until(async () => {
      const read = (await (await fetch(`${instance(2)}/api/jobs/${id}`)).json()) as { state: string; result?: unknown };
      return read.state === 'completed' ? read : undefined;
    }, `job ${id} completed`);
    expect(job.result).toBe(10);
  });

  it('a client over its rate limit on A is over it on B as well', async () => {
    const client = '198.51.100.40';
    const onA = await Promise.all([1, 2, 3].map((n) => visit(instance(0), `/limit/${n}`, client)));
    expect(onA.map((response) => response.status)).toEqual([201, 201, 201]);
    const onB = await visit(instance(1), '/limit/4', client);
    expect(onB.status).toBe(429);
    expect(await onB.json()).toMatchObject({ limit: 3 });
    expect((await visit(instance(1), '/limit/other', '198.51.100.41')).status).toBe(201);
  });

  it('nginx passes the client on: the visit is stored with the forwarded address, masked', async () => {
    const path = `/forwarded/${Date.now()}`;
    expect((await visit(cluster.url!, path, '203.0.113.77')).status).toBe(201);
    const list = (await (await fetch(`${cluster.url}/api/visits?limit=20`)).json()) as {
      visits: { path: string; ip: string }[];
    };
    expect(list.visits.find((stored) => stored.path === path)?.ip).toBe('203.0.113.0/24');
  });
});
