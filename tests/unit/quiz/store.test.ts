import { describe, expect, it } from 'vitest';
import { encodeProgress } from '../../../src/quiz/codec';
import * as scheduler from '../../../src/quiz/fsrs';
import { emptyProgress, recordAttempt, type Progress } from '../../../src/quiz/progress';
import { backupKey, loadProgress, saveProgress, storeKey, UNAVAILABLE } from '../../../src/quiz/store';
import { MemoryStorage } from './memory-storage';

const NOW = new Date('2024-10-14T08:00:00.000Z');

function sampleProgress(): Progress {
  const progress = emptyProgress('kapitel-2');
  progress.current = 'proxy';
  progress.questions.proxy = recordAttempt(
    scheduler,
    undefined,
    { at: NOW.toISOString(), outcome: 'wrong', hints: 1, answer: { kind: 'choice', selected: ['b'] } },
    NOW,
  );
  progress.questions.client = recordAttempt(
    scheduler,
    undefined,
    { at: NOW.toISOString(), outcome: 'right', hints: 0, answer: { kind: 'text', text: 'Ein **Client** fragt an.' } },
    NOW,
  );
  progress.questions.server = { card: progress.questions.proxy.card, attempts: [], draft: 'halb fertig' };
  return progress;
}

describe('progress in localStorage', () => {
  it('stores under a versioned key per deck and reads back the same progress', () => {
    const storage = new MemoryStorage();
    const progress = sampleProgress();
    expect(saveProgress(storage, progress)).toBe(true);
    expect(storage.getItem('vs-quiz/v1/kapitel-2')).not.toBeNull();
    expect(storeKey('kapitel-2')).toBe('vs-quiz/v1/kapitel-2');
    const loaded = loadProgress(storage, 'kapitel-2');
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress).toEqual(progress);
    expect(loaded.progress.questions.proxy?.card.due).toBeInstanceOf(Date);
  });

  it('starts empty without a notice when nothing is stored', () => {
    expect(loadProgress(new MemoryStorage(), 'kapitel-2')).toEqual({ progress: emptyProgress('kapitel-2') });
  });

  it('recovers from data that is no JSON: starts afresh, keeps a backup, says so', () => {
    const storage = new MemoryStorage();
    storage.setItem(storeKey('kapitel-2'), '{"version":1,"questions":{');
    const loaded = loadProgress(storage, 'kapitel-2');
    expect(loaded.progress).toEqual(emptyProgress('kapitel-2'));
    expect(loaded.notice?.message).toMatch(/beschädigt und wurde zurückgesetzt/);
    expect(loaded.notice?.backup).toBe('{"version":1,"questions":{');
    expect(storage.getItem(backupKey('kapitel-2'))).toBe('{"version":1,"questions":{');
    // The recovered store is written back, so the next visit is quiet.
    expect(loadProgress(storage, 'kapitel-2').notice).toBeUndefined();
  });

  it.each([
    ['JSON of the wrong shape', '[1,2,3]', /beschädigt/],
    ['null', 'null', /beschädigt/],
    ['another version under the current key', '{"version":7,"deckId":"kapitel-2","questions":{}}', /anderen Version/],
    ['another deck', '{"version":1,"deckId":"uebung-1","questions":{}}', /beschädigt/],
  ])('recovers from %s', (_name, raw, message) => {
    const storage = new MemoryStorage();
    storage.setItem(storeKey('kapitel-2'), raw);
    const loaded = loadProgress(storage, 'kapitel-2');
    expect(loaded.progress).toEqual(emptyProgress('kapitel-2'));
    expect(loaded.notice?.message).toMatch(message);
    expect(loaded.notice?.backup).toBe(raw);
  });

  it('recovers a store of an older version under its old key and removes that key', () => {
    const storage = new MemoryStorage();
    storage.setItem('vs-quiz/v0/kapitel-2', '{"answers":{"proxy":"b"}}');
    storage.setItem('vs-quiz/v0/uebung-1', '{"answers":{}}');
    const loaded = loadProgress(storage, 'kapitel-2');
    expect(loaded.notice?.message).toMatch(/älteren Version/);
    expect(loaded.notice?.backup).toBe('{"answers":{"proxy":"b"}}');
    expect(storage.getItem('vs-quiz/v0/kapitel-2')).toBeNull();
    expect(storage.getItem('vs-quiz/v0/uebung-1')).not.toBeNull();
    expect(storage.getItem(backupKey('kapitel-2'))).toBe('{"answers":{"proxy":"b"}}');
  });

  it('drops only the broken entries and keeps the rest', () => {
    const storage = new MemoryStorage();
    const stored = encodeProgress(sampleProgress()) as { questions: Record<string, unknown> };
    stored.questions.broken = { card: { due: 'gestern' }, attempts: [] };
    stored.questions.badAttempt = {
      ...(stored.questions.proxy as object),
      attempts: [{ at: NOW.toISOString(), outcome: 'super', hints: 0, answer: { kind: 'text', text: '' } }],
    };
    // JSON.parse makes "__proto__" an own key; even a well-formed entry under it must not reach the record.
    const raw = JSON.stringify(stored).replace(
      '"broken"',
      `"__proto__":${JSON.stringify(stored.questions.proxy)},"broken"`,
    );
    storage.setItem(storeKey('kapitel-2'), raw);
    const loaded = loadProgress(storage, 'kapitel-2');
    expect(Object.keys(loaded.progress.questions).sort()).toEqual(['client', 'proxy', 'server']);
    expect(Object.getPrototypeOf(loaded.progress.questions)).toBe(Object.prototype);
    expect(loaded.notice?.message).toMatch(/^3 gespeicherte Einträge waren beschädigt/);
    expect(loaded.notice?.backup).toBe(raw);
  });

  it('keeps working in memory when the browser blocks storage', () => {
    const loaded = loadProgress(null, 'kapitel-2');
    expect(loaded.progress).toEqual(emptyProgress('kapitel-2'));
    expect(loaded.notice?.message).toBe(UNAVAILABLE);
    expect(saveProgress(null, loaded.progress)).toBe(false);
  });

  it('reports a failed write (quota) instead of throwing', () => {
    const storage = new MemoryStorage();
    saveProgress(storage, sampleProgress());
    storage.full = true;
    expect(saveProgress(storage, emptyProgress('kapitel-2'))).toBe(false);
    expect(loadProgress(storage, 'kapitel-2').progress).toEqual(sampleProgress());
  });
});
