import { decodeProgress, encodeProgress, PROGRESS_VERSION } from './codec';
import { emptyProgress, type Progress } from './progress';

/** `localStorage` keys: one versioned key per deck, plus one backup of data that could not be read. */
export const storeKey = (deckId: string): string => `vs-quiz/v${PROGRESS_VERSION}/${deckId}`;
export const backupKey = (deckId: string): string => `vs-quiz/backup/${deckId}`;
const VERSIONED_KEY = /^vs-quiz\/v(\d+)\/(.+)$/;

/** A short message for the student about their stored progress; `backup` is offered as a download. */
export interface StoreNotice {
  message: string;
  backup?: string;
}

export interface Loaded {
  progress: Progress;
  notice?: StoreNotice;
}

const BACKUP_HINT = 'Die alten Daten können Sie als Sicherung herunterladen.';

/**
 * Reads a deck's progress. Never throws and never leaves the page without progress: unreadable
 * or old data is kept as a backup, the quiz starts afresh (or with what could be read) and the
 * notice says so.
 */
export function loadProgress(storage: Storage | null, deckId: string): Loaded {
  if (!storage) return { progress: emptyProgress(deckId), notice: { message: UNAVAILABLE } };
  const raw = read(storage, storeKey(deckId));
  if (raw === null) return fromOlderVersion(storage, deckId);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return recover(
      storage,
      deckId,
      raw,
      `Ihr gespeicherter Fortschritt war beschädigt und wurde zurückgesetzt. ${BACKUP_HINT}`,
    );
  }
  const decoded = decodeProgress(value, deckId);
  if (!decoded.ok) {
    const message =
      decoded.reason === 'version'
        ? `Ihr gespeicherter Fortschritt stammt aus einer anderen Version des Quiz und wurde zurückgesetzt. ${BACKUP_HINT}`
        : `Ihr gespeicherter Fortschritt war beschädigt und wurde zurückgesetzt. ${BACKUP_HINT}`;
    return recover(storage, deckId, raw, message);
  }
  if (decoded.dropped > 0) {
    const entries =
      decoded.dropped === 1 ? 'Ein gespeicherter Eintrag war' : `${decoded.dropped} gespeicherte Einträge waren`;
    return recover(
      storage,
      deckId,
      raw,
      `${entries} beschädigt und wurde verworfen; der übrige Fortschritt ist erhalten. ${BACKUP_HINT}`,
      decoded.progress,
    );
  }
  return { progress: decoded.progress };
}

/** Writes a deck's progress; false when the browser refuses (storage blocked or full). */
export function saveProgress(storage: Storage | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(storeKey(progress.deckId), JSON.stringify(encodeProgress(progress)));
    return true;
  } catch {
    return false;
  }
}

export const UNAVAILABLE =
  'Dieser Browser erlaubt dem Quiz kein Speichern. Ihr Fortschritt geht beim Schließen verloren – exportieren Sie ihn bei Bedarf.';

/** The page's `localStorage`, or null where the browser blocks it. */
export function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(storeKey('probe'));
    return storage;
  } catch {
    return null;
  }
}

function fromOlderVersion(storage: Storage, deckId: string): Loaded {
  for (const key of keys(storage)) {
    const match = VERSIONED_KEY.exec(key);
    if (match?.[2] !== deckId || Number(match[1]) === PROGRESS_VERSION) continue;
    const raw = read(storage, key) ?? '';
    remove(storage, key);
    return recover(
      storage,
      deckId,
      raw,
      `Ihr gespeicherter Fortschritt stammt aus einer älteren Version des Quiz und wurde zurückgesetzt. ${BACKUP_HINT}`,
    );
  }
  return { progress: emptyProgress(deckId) };
}

function recover(
  storage: Storage,
  deckId: string,
  raw: string,
  message: string,
  progress = emptyProgress(deckId),
): Loaded {
  try {
    storage.setItem(backupKey(deckId), raw);
  } catch {
    // The backup is still offered for download from the notice.
  }
  saveProgress(storage, progress);
  return { progress, notice: { message, backup: raw } };
}

function keys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null);
}

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function remove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Left in place; it is read again next time and recovered the same way.
  }
}
