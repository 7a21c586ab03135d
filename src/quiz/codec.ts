import type { Card } from 'ts-fsrs';
import type { Answer, Attempt, Progress, QuestionProgress } from './progress';

/**
 * Progress ⇄ plain JSON. Reading is defensive: the input may be a hand-edited export, a store
 * written by another version or plain garbage; every entry is checked, bad ones are dropped.
 */

export const PROGRESS_VERSION = 1;

type Json = Record<string, unknown>;

/** As in the bank; also keeps keys like `__proto__` out of the questions record. */
const QUESTION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Decoded =
  | { ok: true; progress: Progress; dropped: number }
  | { ok: false; reason: 'version' | 'shape' | 'deck'; message: string };

export function encodeProgress(progress: Progress): Json {
  return {
    version: PROGRESS_VERSION,
    deckId: progress.deckId,
    ...(progress.current ? { current: progress.current } : {}),
    questions: progress.questions,
  };
}

export function decodeProgress(value: unknown, deckId: string): Decoded {
  if (!isRecord(value) || !isRecord(value.questions)) {
    return { ok: false, reason: 'shape', message: 'Die Daten sind kein Quiz-Fortschritt.' };
  }
  if (value.version !== PROGRESS_VERSION) {
    return {
      ok: false,
      reason: 'version',
      message: `Die Daten stammen aus Version ${String(value.version)} des Quiz, erwartet ist Version ${PROGRESS_VERSION}.`,
    };
  }
  if (value.deckId !== deckId) {
    return {
      ok: false,
      reason: 'deck',
      message: `Die Daten gehören zum Quiz „${String(value.deckId)}“, nicht zu „${deckId}“.`,
    };
  }
  const progress: Progress = { deckId, questions: {} };
  if (typeof value.current === 'string') progress.current = value.current;
  let dropped = 0;
  for (const [id, entry] of Object.entries(value.questions)) {
    const decoded = QUESTION_ID.test(id) ? decodeQuestion(entry) : null;
    if (decoded) progress.questions[id] = decoded;
    else dropped++;
  }
  return { ok: true, progress, dropped };
}

function decodeQuestion(value: unknown): QuestionProgress | null {
  if (!isRecord(value) || !Array.isArray(value.attempts)) return null;
  const card = decodeCard(value.card);
  const attempts = value.attempts.map(decodeAttempt);
  if (!card || attempts.some((attempt) => attempt === null)) return null;
  const entry: QuestionProgress = { card, attempts: attempts as Attempt[] };
  if (typeof value.draft === 'string') entry.draft = value.draft;
  return entry;
}

const CARD_NUMBERS = [
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
] as const;

function decodeCard(value: unknown): Card | null {
  if (!isRecord(value)) return null;
  const due = decodeDate(value.due);
  const lastReview = value.last_review === undefined ? undefined : decodeDate(value.last_review);
  const state = value.state;
  if (!due || lastReview === null || typeof state !== 'number' || ![0, 1, 2, 3].includes(state)) return null;
  if (!CARD_NUMBERS.every((key) => isCount(value[key]))) return null;
  return {
    due,
    stability: value.stability as number,
    difficulty: value.difficulty as number,
    elapsed_days: value.elapsed_days as number,
    scheduled_days: value.scheduled_days as number,
    learning_steps: value.learning_steps as number,
    reps: value.reps as number,
    lapses: value.lapses as number,
    state,
    ...(lastReview ? { last_review: lastReview } : {}),
  };
}

function decodeAttempt(value: unknown): Attempt | null {
  if (!isRecord(value) || !decodeDate(value.at) || !isCount(value.hints)) return null;
  const { outcome } = value;
  if (outcome !== 'right' && outcome !== 'partial' && outcome !== 'wrong') return null;
  const answer = decodeAnswer(value.answer);
  return answer ? { at: value.at as string, outcome, hints: value.hints as number, answer } : null;
}

function decodeAnswer(value: unknown): Answer | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'choice' && isStrings(value.selected)) return { kind: 'choice', selected: value.selected };
  if (value.kind === 'ordering' && isStrings(value.order)) return { kind: 'ordering', order: value.order };
  if (value.kind === 'text' && typeof value.text === 'string') return { kind: 'text', text: value.text };
  if (value.kind === 'number' && typeof value.value === 'number' && Number.isFinite(value.value))
    return { kind: 'number', value: value.value };
  if (value.kind === 'poll' && typeof value.poll === 'string') return { kind: 'poll', poll: value.poll };
  return null;
}

function decodeDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
