import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PollRecord, PollStore } from '../../../src/server/polls/store';
import { STORE_KINDS, type TestStore } from './helpers';

function newPoll(id: string, deck = 'kapitel-2', openedAt = Date.now()): PollRecord {
  return {
    id,
    deck,
    questionId: 'eins',
    kind: 'single',
    status: 'open',
    shown: false,
    revealed: false,
    dismissed: false,
    openedAt,
    closedAt: null,
  };
}

for (const kind of STORE_KINDS) {
  describe.skipIf(kind.skip)(`PollStore on ${kind.name}`, () => {
    let test: TestStore;
    let store: PollStore;
    beforeEach(async () => {
      test = await kind.open();
      store = test.store;
    });
    afterEach(() => test.dispose());

    it('keeps one vote per device, the last one, and counts per answer', async () => {
      await store.open(newPoll('p1'));
      expect(await store.vote('p1', 'device-aaaaaaaaaaaa', 'a', 1)).toBe('stored');
      expect(await store.vote('p1', 'device-bbbbbbbbbbbb', 'a', 2)).toBe('stored');
      expect(await store.vote('p1', 'device-cccccccccccc', 'b', 3)).toBe('stored');
      expect(await store.vote('p1', 'device-aaaaaaaaaaaa', 'b', 4)).toBe('stored');
      expect(await store.tally('p1')).toEqual([
        { answer: 'b', count: 2 },
        { answer: 'a', count: 1 },
      ]);
      expect(await store.voteOf('p1', 'device-aaaaaaaaaaaa')).toEqual({ answer: 'b', at: 4 });
      expect(await store.voteOf('p1', 'device-dddddddddddd')).toBeUndefined();
    });

    it('refuses votes once the poll is closed and tells closed from unknown', async () => {
      await store.open(newPoll('p1'));
      await store.vote('p1', 'device-aaaaaaaaaaaa', 'a', 1);
      const closed = await store.update('kapitel-2', 'p1', { closedAt: 10 });
      expect(closed).toMatchObject({ status: 'closed', closedAt: 10 });
      expect(await store.vote('p1', 'device-aaaaaaaaaaaa', 'b', 11)).toBe('closed');
      expect(await store.vote('p1', 'device-bbbbbbbbbbbb', 'b', 11)).toBe('closed');
      expect(await store.vote('nope', 'device-bbbbbbbbbbbb', 'b', 11)).toBe('unknown');
      expect(await store.tally('p1')).toEqual([{ answer: 'a', count: 1 }]);
    });

    it('has one current poll per deck: a new one closes and puts away the previous one', async () => {
      await store.open(newPoll('p1', 'kapitel-2', 1000));
      await store.open(newPoll('q1', 'uebung-1', 1500));
      await store.open(newPoll('p2', 'kapitel-2', 2000));
      expect((await store.current('kapitel-2'))?.id).toBe('p2');
      expect(await store.get('kapitel-2', 'p1')).toMatchObject({ status: 'closed', dismissed: true, closedAt: 2000 });
      expect((await store.current('uebung-1'))?.id).toBe('q1');
      await store.update('kapitel-2', 'p2', { shown: true });
      await store.update('kapitel-2', 'p2', { revealed: true });
      expect(await store.get('kapitel-2', 'p2')).toMatchObject({ shown: true, revealed: true, status: 'open' });
      await store.update('kapitel-2', 'p2', { dismissed: true, closedAt: 3000 });
      expect(await store.current('kapitel-2')).toBeUndefined();
      expect((await store.list('kapitel-2')).map((poll) => poll.id)).toEqual(['p1', 'p2']);
      expect(await store.get('uebung-1', 'p2')).toBeUndefined();
    });

    it('keeps polls and votes for a restarted server', async () => {
      await store.open(newPoll('p1'));
      await store.vote('p1', 'device-aaaaaaaaaaaa', 'c', 1);
      const again = await test.reopen();
      expect((await again.current('kapitel-2'))?.id).toBe('p1');
      expect(await again.tally('p1')).toEqual([{ answer: 'c', count: 1 }]);
    });

    it('stores every one of many votes sent at once', async () => {
      await store.open(newPoll('p1'));
      const devices = Array.from({ length: 200 }, (_, i) => `device-${String(i).padStart(12, '0')}`);
      const outcomes = await Promise.all(devices.map((device, i) => store.vote('p1', device, 'abc'[i % 3] ?? 'a', i)));
      expect(outcomes.every((outcome) => outcome === 'stored')).toBe(true);
      const counts = await store.tally('p1');
      expect(counts.reduce((sum, { count }) => sum + count, 0)).toBe(200);
      expect(counts.find((row) => row.answer === 'a')?.count).toBe(67);
    });
  });
}
