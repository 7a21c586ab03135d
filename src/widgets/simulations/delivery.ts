/**
 * Delivery semantics on one payment: the network loses the first request and the reply to the
 * second. At most once gives up, at least once retries and books twice, a retry with an
 * idempotency key books once. Waits between tries: exponential backoff with full jitter.
 */
import { clampStep, seededRandom } from './random';

export type Semantics = 'hoechstens' | 'mindestens' | 'genau';

export const SEMANTICS: readonly { id: Semantics; label: string }[] = [
  { id: 'hoechstens', label: 'Höchstens einmal' },
  { id: 'mindestens', label: 'Mindestens einmal' },
  { id: 'genau', label: 'Effektiv genau einmal' },
];

/** What happens to try n (1-based) on the network: the same for every semantics. */
const LOSSES: readonly { request: boolean; reply: boolean }[] = [
  { request: true, reply: false },
  { request: false, reply: true },
  { request: false, reply: false },
];

export const TIMEOUT_MS = 300;
export const BACKOFF_BASE_MS = 200;
export const BACKOFF_CAP_MS = 2000;

export type Outcome = 'verloren' | 'gebucht' | 'duplikat';

export interface Attempt {
  number: number;
  /** Milliseconds after the first try. */
  sentAt: number;
  /** The wait before this try (0 for the first): random in [0, min(cap, base · 2^(n−1))). */
  waited: number;
  /** The upper bound the wait was drawn from. */
  waitBound: number;
  outcome: Outcome;
  /** True when the client received the reply. */
  replied: boolean;
}

export interface Lane {
  semantics: Semantics;
  label: string;
  attempts: Attempt[];
  /** How often the server booked the payment. */
  effects: number;
  /** What the client knows after the tries shown. */
  client: string;
}

export interface DeliveryState {
  step: number;
  steps: number;
  caption: string;
  lanes: Lane[];
}

export const DELIVERY_STEPS = 5;

const CAPTIONS = [
  'Der Client will 10 € abbuchen lassen. Das Netz verliert gleich die erste Anfrage und die Antwort auf die zweite.',
  `Versuch 1: Die Anfrage geht verloren. Nach ${TIMEOUT_MS} ms ohne Antwort läuft der Timeout ab.`,
  'Versuch 2 nach Backoff mit Jitter: Der Server bucht, aber die Antwort geht verloren.',
  'Versuch 3: Ohne Schlüssel bucht der Server ein zweites Mal, mit Schlüssel erkennt er die Wiederholung.',
  'Ergebnis: Wiederholen allein heißt mindestens einmal. Erst der Idempotenzschlüssel macht daraus effektiv genau einmal.',
];

/** The tries all lanes share: send times and waits, drawn from the seed. */
function schedule(seed: number): Pick<Attempt, 'number' | 'sentAt' | 'waited' | 'waitBound'>[] {
  const random = seededRandom(seed);
  const tries = [];
  let sentAt = 0;
  for (let number = 1; number <= LOSSES.length; number++) {
    const waitBound = number === 1 ? 0 : Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (number - 1));
    const waited = Math.floor(random() * waitBound);
    if (number > 1) sentAt += TIMEOUT_MS + waited;
    tries.push({ number, sentAt, waited, waitBound });
  }
  return tries;
}

function lane(semantics: Semantics, shown: number, seed: number): Lane {
  const label = SEMANTICS.find((entry) => entry.id === semantics)!.label;
  const maxTries = semantics === 'hoechstens' ? 1 : LOSSES.length;
  const attempts: Attempt[] = [];
  let effects = 0;
  let booked = false;
  for (const planned of schedule(seed).slice(0, Math.min(shown, maxTries))) {
    const loss = LOSSES[planned.number - 1]!;
    let outcome: Outcome = 'verloren';
    if (!loss.request) {
      if (semantics === 'genau' && booked) outcome = 'duplikat';
      else {
        outcome = 'gebucht';
        effects++;
        booked = true;
      }
    }
    attempts.push({ ...planned, outcome, replied: !loss.request && !loss.reply });
  }
  const last = attempts.at(-1);
  let client = 'wartet';
  if (last?.replied) client = 'Erfolg gemeldet';
  else if (last && (semantics === 'hoechstens' || attempts.length === LOSSES.length)) client = 'Fehler gemeldet';
  else if (last) client = 'Timeout – versucht es erneut';
  return { semantics, label, attempts, effects, client };
}

/** The picture after `step` steps; the same (step, seed) always gives the same state. */
export function deliveryState(step: number, seed: number): DeliveryState {
  const current = clampStep(step, DELIVERY_STEPS);
  const shown = Math.min(current, LOSSES.length);
  return {
    step: current,
    steps: DELIVERY_STEPS,
    caption: CAPTIONS[current]!,
    lanes: SEMANTICS.map(({ id }) => lane(id, shown, seed)),
  };
}
