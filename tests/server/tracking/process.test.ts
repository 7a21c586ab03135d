import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { crashRounds } from '../../../bench/crash';
import { startServer } from '../../../bench/tracking-server';
import type { Visit } from '../../../src/shared/tracking';
import { SQLITE_FILE } from '../../../src/server/tracking/open-store';
import { BROWSER, tempDir } from './helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('the tracking service as a process', () => {
  it('loses no acknowledged visit when killed with SIGKILL (3 rounds; npm run bench:crash does 20)', async () => {
    const rounds = await crashRounds({ kind: 'sqlite', rounds: 3, visits: 300 });
    expect(rounds).toHaveLength(3);
    for (const round of rounds) {
      expect(round.acknowledged).toBeGreaterThan(0);
      expect(round).toMatchObject({ missing: 0, integrity: 'ok' });
    }
  }, 120_000);

  it('answers the requests it has accepted on SIGTERM, then exits cleanly', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const server = await startServer('src/server/tracking/main.ts', [], {
      DATA_DIR: dir.path,
      DATABASE_URL: '',
      TRACKING_RATE_LIMIT: '100000',
    });
    const acknowledged: Visit[] = [];
    const statuses: number[] = [];
    let terminated = false;
    const send = async (index: number) => {
      try {
        const response = await fetch(`${server.url}/api/visits`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
          body: JSON.stringify({ path: `/drain/${index}` }),
        });
        statuses.push(response.status);
        if (response.status === 201) acknowledged.push((await response.json()) as Visit);
      } catch {
        // Refused after the server stopped listening: never acknowledged.
      }
      if (acknowledged.length >= 20 && !terminated) {
        terminated = true;
        server.child.kill('SIGTERM');
      }
    };
    await Promise.all(Array.from({ length: 300 }, (_, index) => send(index)));
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(statuses.every((status) => status === 201 || status === 503)).toBe(true);

    const db = new Database(join(dir.path, SQLITE_FILE), { fileMustExist: true });
    const find = db.prepare<[number], { path: string }>('SELECT path FROM visits WHERE id = ?');
    expect(acknowledged.filter((visit) => find.get(visit.id)?.path !== visit.path)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);
});
