import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { BROWSER, tempDir } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('SqliteVisitStore', () => {
  it('moves committed visits from the WAL into the database file in the background', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = join(dir.path, 'visits.sqlite');
    const store = new SqliteVisitStore(file);
    cleanups.push(() => store.close());
    const before = statSync(file).size;
    const visits = Array.from({ length: 2000 }, (_, index) => ({
      at: Date.now(),
      ip: '192.0.2.0/24',
      path: `/wal/${index}`,
      referrer: '',
      userAgent: BROWSER,
    }));
    await Promise.all(visits.map((visit) => store.add(visit)));
    // Far below the committing connection's own autocheckpoint: only the worker copies pages.
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(before);
  });
});
