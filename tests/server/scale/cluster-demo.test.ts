import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterReport } from '../../../src/shared/cluster';
import { follow, missingForCluster, testCluster, until, type Follower, type TestCluster } from './helpers';

const skip = missingForCluster();
const PORT = Number(process.env.CLUSTER_DEMO_TEST_PORT ?? 4540);
const DECK = 'kapitel-2';

let cluster: TestCluster;
const followers: Follower[] = [];

beforeAll(async () => {
  if (skip) return;
  cluster = await testCluster(PORT);
}, 180_000);

afterAll(async () => {
  for (const follower of followers) follower.close();
  await cluster?.dispose();
}, 60_000);

async function report(): Promise<{ report: ClusterReport; answeredBy: string | null }> {
  const response = await fetch(`${cluster.url}/api/cluster`);
  expect(response.status).toBe(200);
  return { report: (await response.json()) as ClusterReport, answeredBy: response.headers.get('x-instance') };
}

const states = async () =>
  Object.fromEntries((await report()).report.instances.map((instance) => [instance.name, instance.state]));

function stop(instance: string, token = cluster.presenterToken): Promise<Response> {
  return fetch(`${cluster.url}/api/cluster/stop`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ instance }),
  });
}

async function present(index: number): Promise<void> {
  const response = await fetch(`${cluster.url}/api/follow/${DECK}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cluster.presenterToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ index }),
  });
  expect(response.status).toBe(200);
}

describe.skipIf(skip)('the cluster demo’s API on three instances behind nginx', () => {
  it('lists all three with their connections, from whichever instance answers', async () => {
    const { report: first, answeredBy } = await report();
    expect(first.shared).toBe(true);
    expect(first.self).toBe(answeredBy);
    expect(first.instances.map(({ name, state }) => [name, state])).toEqual([
      ['instanz-1', 'running'],
      ['instanz-2', 'running'],
      ['instanz-3', 'running'],
    ]);
    const answering = new Set<string>();
    for (let n = 0; n < 6; n += 1) answering.add((await report()).answeredBy ?? '');
    expect([...answering].sort()).toEqual(['instanz-1', 'instanz-2', 'instanz-3']);

    await present(3);
    for (let n = 0; n < 9; n += 1) {
      followers.push(follow(`${cluster.url}/api/follow/${DECK}/events`, `198.51.100.${60 + n}`));
    }
    await until(() => (followers.every((follower) => follower.slides.includes(3)) ? true : undefined), 'alle folgen');
    // Each instance holds its share of the nine event streams (and maybe idle keep-alive connections of nginx).
    await until(async () => {
      const { report: now } = await report();
      return now.instances.every((instance) => instance.connections >= 3) ? true : undefined;
    }, 'je Instanz mindestens drei Verbindungen');
  });

  it('refuses a stop without the presenter token, of an unknown instance, and of the last one running', async () => {
    expect((await stop('instanz-1', '')).status).toBe(401);
    expect((await stop('instanz-1', 'falsch')).status).toBe(403);
    const unknown = await stop('instanz-9');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toBe(
      'Eine laufende Instanz „instanz-9“ gibt es nicht.',
    );
  });

  it('stops one instance gracefully: it exits 0, shows as stopped, and its followers move to the others', async () => {
    const stopped = cluster.instances[1]!;
    const exited = once(stopped.process, 'exit');
    const answer = await stop('instanz-2');
    expect(answer.status).toBe(202);
    expect(((await answer.json()) as { message: string }).message).toMatch(/^Instanz instanz-2 hält an/);
    expect(await exited).toEqual([0, null]);
    expect(await states()).toEqual({ 'instanz-1': 'running', 'instanz-2': 'stopped', 'instanz-3': 'running' });

    await present(4);
    await until(() => (followers.every((follower) => follower.slides.at(-1) === 4) ? true : undefined), 'Folie 4');
    expect(followers.some((follower) => follower.connections > 1)).toBe(true);
    await until(async () => {
      const { report: now } = await report();
      const open = now.instances.filter((instance) => instance.state === 'running');
      return open.reduce((sum, instance) => sum + instance.connections, 0) >= followers.length ? true : undefined;
    }, 'die beiden übrigen halten alle Folgenden');

    expect((await stop('instanz-1')).status).toBe(202);
    await once(cluster.instances[0]!.process, 'exit');
    const last = await stop('instanz-3');
    expect(last.status).toBe(409);
    expect(((await last.json()) as { message: string }).message).toMatch(/letzte laufende Instanz/);
    expect((await states())['instanz-3']).toBe('running');
  });
});
