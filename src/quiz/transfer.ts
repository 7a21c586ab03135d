import { decodeProgress, encodeProgress } from './codec';
import type { Progress } from './progress';

/** Export file: the stored progress plus a format marker and the export time. */
export const EXPORT_FORMAT = 'vs-quiz-progress';
/** Larger files are no progress export of ours. */
export const MAX_IMPORT_BYTES = 5_000_000;

export function exportProgress(progress: Progress, now: Date): string {
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: now.toISOString(), ...encodeProgress(progress) }, null, 2);
}

export function exportFileName(deckId: string, now: Date): string {
  return `quiz-${deckId}-${now.toISOString().slice(0, 10)}.json`;
}

export type Imported = { ok: true; progress: Progress; dropped: number } | { ok: false; message: string };

/** Reads an export file; on any problem says what is wrong and returns no progress. */
export function importProgress(text: string, deckId: string): Imported {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Die Datei ist kein JSON.' };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, message: 'Die Datei ist kein exportierter Quiz-Fortschritt.' };
  }
  const decoded = decodeProgress(value, deckId);
  return decoded.ok ? decoded : { ok: false, message: decoded.message };
}
