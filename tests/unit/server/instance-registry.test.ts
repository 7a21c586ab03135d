import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, InstanceRegistry, SILENT_AFTER_MS } from '../../../src/server/cluster/registry';
import { LocalMaps } from '../../../src/server/kit/fanout';

function instances(maps: LocalMaps, clock: { now: number }) {
  const open = new Map<string, number>();
  const registry = (name: string) =>
    new InstanceRegistry({ maps, name, connections: async () => open.get(name) ?? 0, now: () => clock.now });
  return { open, registry };
}

describe('InstanceRegistry', () => {
  it('lists every instance by its heartbeat: running, silent once overdue, stopped after a graceful stop', async () => {
    const maps = new LocalMaps();
    const clock = { now: Date.parse('2026-12-03T10:00:00Z') };
    const { open, registry } = instances(maps, clock);
    const [a, b, c] = [registry('instanz-10'), registry('instanz-2'), registry('instanz-1')];
    open.set('instanz-1', 7);
    open.set('instanz-2', 3);
    await Promise.all([a.beat(), b.beat(), c.beat()]);
    expect((await a.list()).map(({ name, state, connections }) => [name, state, connections])).toEqual([
      ['instanz-1', 'running', 7],
      ['instanz-2', 'running', 3],
      ['instanz-10', 'running', 0],
    ]);

    clock.now += SILENT_AFTER_MS + 1;
    await c.beat();
    await b.stop();
    const states = Object.fromEntries(
      (await c.list()).map(({ name, state, connections }) => [name, [state, connections]]),
    );
    expect(states).toEqual({ 'instanz-1': ['running', 7], 'instanz-2': ['stopped', 0], 'instanz-10': ['silent', 0] });
  });

  it('forgets instances not heard of for long, and entries it cannot read', async () => {
    const maps = new LocalMaps();
    const clock = { now: 0 };
    const { registry } = instances(maps, clock);
    const old = registry('alt');
    await old.beat();
    await maps.set('cluster', 'kaputt', { connections: 'viele' });
    clock.now += FORGET_AFTER_MS + 1;
    const fresh = registry('neu');
    await fresh.beat();
    expect((await fresh.list()).map((instance) => instance.name)).toEqual(['neu']);
    expect([...(await maps.entries('cluster')).keys()]).toEqual(['neu']);
  });
});
