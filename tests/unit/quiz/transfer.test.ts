import { describe, expect, it } from 'vitest';
import * as scheduler from '../../../src/quiz/fsrs';
import { emptyProgress, recordAttempt } from '../../../src/quiz/progress';
import { EXPORT_FORMAT, exportFileName, exportProgress, importProgress } from '../../../src/quiz/transfer';

const NOW = new Date('2024-10-14T08:00:00.000Z');

describe('export and import of progress', () => {
  const progress = emptyProgress('kapitel-2');
  progress.questions.proxy = recordAttempt(
    scheduler,
    undefined,
    { at: NOW.toISOString(), outcome: 'partial', hints: 0, answer: { kind: 'text', text: '**Vor** den Servern' } },
    NOW,
  );

  it('round-trips through the export file', () => {
    const file = exportProgress(progress, NOW);
    expect(JSON.parse(file)).toMatchObject({
      format: EXPORT_FORMAT,
      exportedAt: NOW.toISOString(),
      version: 1,
      deckId: 'kapitel-2',
    });
    expect(importProgress(file, 'kapitel-2')).toEqual({ ok: true, progress, dropped: 0 });
    expect(exportFileName('kapitel-2', NOW)).toBe('quiz-kapitel-2-2024-10-14.json');
  });

  it.each([
    ['no JSON', 'hallo', 'Die Datei ist kein JSON.'],
    [
      'JSON without the format marker',
      '{"version":1,"deckId":"kapitel-2","questions":{}}',
      'Die Datei ist kein exportierter Quiz-Fortschritt.',
    ],
    [
      'an export of another deck',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, deckId: 'uebung-1', questions: {} }),
      'Die Daten gehören zum Quiz „uebung-1“, nicht zu „kapitel-2“.',
    ],
    [
      'an export of another version',
      JSON.stringify({ format: EXPORT_FORMAT, version: 2, deckId: 'kapitel-2', questions: {} }),
      'Die Daten stammen aus Version 2 des Quiz, erwartet ist Version 1.',
    ],
    [
      'an export without questions',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, deckId: 'kapitel-2' }),
      'Die Daten sind kein Quiz-Fortschritt.',
    ],
  ])('rejects %s with a reason', (_name, text, message) => {
    expect(importProgress(text, 'kapitel-2')).toEqual({ ok: false, message });
  });

  it('imports the readable entries of a damaged export and counts the rest', () => {
    const data = JSON.parse(exportProgress(progress, NOW));
    data.questions.kaputt = { card: null, attempts: [] };
    const imported = importProgress(JSON.stringify(data), 'kapitel-2');
    expect(imported).toEqual({ ok: true, progress, dropped: 1 });
  });
});
