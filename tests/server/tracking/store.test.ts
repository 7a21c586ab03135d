import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewVisit, VisitStore } from '../../../src/server/tracking/store';
import { BROWSER, STORE_KINDS, type TestStore } from './helpers';

function newVisit(path: string, at = Date.now()): NewVisit {
  return { at, ip: '192.0.2.0/24', path, referrer: '', userAgent: BROWSER };
}

async function addAll(store: VisitStore, paths: string[]) {
  const visits = [];
  for (const path of paths) visits.push(await store.add(newVisit(path)));
  return visits;
}

for (const kind of STORE_KINDS) {
  describe.skipIf(kind.skip)(`VisitStore on ${kind.name}`, () => {
    let test: TestStore;
    let store: VisitStore;
    beforeEach(async () => {
      test = await kind.open();
      store = test.store;
    });
    afterEach(() => test.dispose());

    it('returns the committed visit with its id and server time', async () => {
      const at = Date.UTC(2025, 0, 2, 3, 4, 5, 6);
      const visit = await store.add({ ...newVisit('/a', at), referrer: 'https://example.org/' });
      expect(visit).toEqual({
        id: expect.any(Number),
        at: '2025-01-02T03:04:05.006Z',
        ip: '192.0.2.0/24',
        path: '/a',
        referrer: 'https://example.org/',
        userAgent: BROWSER,
      });
      expect(await store.list(10)).toEqual([visit]);
    });

    it('pages newest first with an id cursor', async () => {
      const added = await addAll(store, ['/1', '/2', '/3', '/4', '/5', '/6', '/7']);
      const ids = added.map((visit) => visit.id);
      const first = await store.list(3);
      expect(first.map((visit) => visit.path)).toEqual(['/7', '/6', '/5']);
      const second = await store.list(3, first.at(-1)?.id);
      expect(second.map((visit) => visit.path)).toEqual(['/4', '/3', '/2']);
      expect((await store.list(3, second.at(-1)?.id)).map((visit) => visit.path)).toEqual(['/1']);
      expect(await store.since(ids[4] as number, 10)).toEqual(added.slice(5));
    });

    it('commits concurrent visits together and gives every caller its own row', async () => {
      const paths = Array.from({ length: 300 }, (_, index) => `/concurrent/${index}`);
      const visits = await Promise.all(paths.map((path) => store.add(newVisit(path))));
      expect(visits.map((visit) => visit.path)).toEqual(paths);
      expect(new Set(visits.map((visit) => visit.id)).size).toBe(paths.length);
      const reopened = await test.reopen();
      expect(await reopened.count()).toBe(paths.length);
      const stored = await reopened.since(0, 500);
      expect(stored.map((visit) => [visit.id, visit.path])).toEqual(
        [...visits].sort((a, b) => a.id - b.id).map((visit) => [visit.id, visit.path]),
      );
    });

    it('keeps markup, control characters and any Unicode exactly as sent', async () => {
      const path = '/<script>alert(1)</script>\u0007\u001b[31m\u202e\u{1F600}';
      const visit = await store.add({ ...newVisit(path), userAgent: '<img src=x onerror=alert(1)>' });
      const [stored] = await store.list(1);
      expect(stored).toEqual(visit);
      expect(stored?.path).toBe(path);
    });

    it('counts visits per bucket from a start time', async () => {
      const minute = 60_000;
      const base = Date.UTC(2025, 5, 1, 10, 0, 0);
      for (const at of [base - 1, base, base + 1000, base + minute + 5, base + 3 * minute]) {
        await store.add(newVisit('/b', at));
      }
      expect(await store.countPerBucket(minute, base)).toEqual([
        { start: base, count: 2 },
        { start: base + minute, count: 1 },
        { start: base + 3 * minute, count: 1 },
      ]);
      expect(await store.count()).toBe(5);
    });

    it('clears everything, and ids keep growing afterwards', async () => {
      const [last] = (await addAll(store, ['/x', '/y'])).reverse();
      expect(await store.clear()).toBe(2);
      expect(await store.count()).toBe(0);
      const next = await store.add(newVisit('/z'));
      expect(next.id).toBeGreaterThan(last?.id ?? Infinity);
    });

    it('commits pending visits on close, and they are there after a restart', async () => {
      const pending = store.add(newVisit('/last-words'));
      await store.close();
      await expect(pending).resolves.toMatchObject({ path: '/last-words' });
      const reopened = await test.reopen();
      expect((await reopened.list(1))[0]?.path).toBe('/last-words');
    });

    it('rejects a visit once closed, so it is never acknowledged', async () => {
      await store.close();
      await expect(store.add(newVisit('/too-late'))).rejects.toThrow();
    });
  });
}
