import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../src/server/tracking/group-commit';

describe('GroupCommit', () => {
  it('commits what arrives in one turn of the event loop as one batch', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit((items: number[]) => {
      batches.push(items);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3].map((item) => commits.add(item)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('collects what arrives during a slow commit into the next batch', async () => {
    const batches: string[][] = [];
    let release = () => {};
    const commits = new GroupCommit(async (items: string[]) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items;
    });
    const first = commits.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commits.add('b'), commits.add('c')];
    release();
    expect(await Promise.all([first, ...later])).toEqual(['a', 'b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('splits large batches and rejects only the batch whose commit failed', async () => {
    const commits = new GroupCommit(
      (items: number[]) => {
        if (items.includes(3)) throw new Error('disk full');
        return items;
      },
      { maxBatch: 2 },
    );
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((item) => commits.add(item)));
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
  });

  it('with concurrency 2, starts a second commit while the first one waits', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const commits = new GroupCommit(
      async (items: string[]) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => releases.push(resolve));
        inFlight -= 1;
        return items;
      },
      { concurrency: 2 },
    );
    const first = commits.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    const second = commits.add('b');
    await new Promise((resolve) => setImmediate(resolve));
    expect(releases).toHaveLength(2);
    for (const release of releases) release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(most).toBe(2);
  });

  it('drain waits for everything added so far', async () => {
    const done: number[] = [];
    const commits = new GroupCommit(async (items: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(...items);
      return items;
    });
    void commits.add(1);
    void commits.add(2);
    await commits.drain();
    expect(done).toEqual([1, 2]);
  });
});
