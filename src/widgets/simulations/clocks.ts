/**
 * Lamport clocks (and vector clocks) on three processes. The seed decides which process acts
 * and how; step n shows the first n events with their timestamps.
 */
import { clampStep, seededRandom } from './random';

export const PROCESSES = ['P1', 'P2', 'P3'] as const;
export const CLOCK_EVENTS = 10;
export const CLOCK_STEPS = CLOCK_EVENTS + 1;

export type EventKind = 'lokal' | 'senden' | 'empfangen';

export interface ClockEvent {
  /** Position in the order the simulation drew the events (0-based). */
  index: number;
  process: number;
  kind: EventKind;
  /** The message sent or received (m1, m2, …), for `senden` and `empfangen`. */
  message?: string;
  /** For `senden`: the receiver; for `empfangen`: the sender. */
  peer?: number;
  lamport: number;
  vector: number[];
  /** How the Lamport value came about, e.g. „max(2, 4) + 1 = 5“. */
  rule: string;
}

export interface ClockState {
  step: number;
  steps: number;
  caption: string;
  events: ClockEvent[];
}

interface InFlight {
  name: string;
  from: number;
  to: number;
  lamport: number;
  vector: number[];
}

/** All events of a run: a receive only for a message in flight, and every message is received. */
export function clockRun(seed: number): ClockEvent[] {
  const random = seededRandom(seed);
  const lamport = PROCESSES.map(() => 0);
  const vectors = PROCESSES.map(() => PROCESSES.map(() => 0));
  const inFlight: InFlight[] = [];
  const events: ClockEvent[] = [];
  let sent = 0;
  for (let index = 0; index < CLOCK_EVENTS; index++) {
    const left = CLOCK_EVENTS - index;
    let kind: EventKind;
    let process: number;
    const roll = random();
    if (inFlight.length > 0 && (inFlight.length >= left || roll < 0.45)) kind = 'empfangen';
    else if (left >= inFlight.length + 2 && roll < 0.8) kind = 'senden';
    else kind = 'lokal';
    let message: InFlight | undefined;
    if (kind === 'empfangen') {
      message = inFlight.splice(Math.floor(random() * inFlight.length), 1)[0]!;
      process = message.to;
    } else {
      process = Math.floor(random() * PROCESSES.length);
    }
    const before = lamport[process]!;
    const vector = vectors[process]!;
    let rule: string;
    if (message) {
      lamport[process] = Math.max(before, message.lamport) + 1;
      rule = `max(${before}, ${message.lamport}) + 1 = ${lamport[process]}`;
      for (const [i, value] of message.vector.entries()) vector[i] = Math.max(vector[i]!, value);
    } else {
      lamport[process] = before + 1;
      rule = `${before} + 1 = ${lamport[process]}`;
    }
    vector[process]!++;
    const event: ClockEvent = { index, process, kind, lamport: lamport[process]!, vector: [...vector], rule };
    if (message) Object.assign(event, { message: message.name, peer: message.from });
    if (kind === 'senden') {
      const to = (process + 1 + Math.floor(random() * (PROCESSES.length - 1))) % PROCESSES.length;
      const name = `m${++sent}`;
      inFlight.push({ name, from: process, to, lamport: event.lamport, vector: event.vector });
      Object.assign(event, { message: name, peer: to });
    }
    events.push(event);
  }
  return events;
}

function describe(event: ClockEvent): string {
  const who = PROCESSES[event.process]!;
  const vector = `[${event.vector.join(', ')}]`;
  switch (event.kind) {
    case 'lokal':
      return `${who} rechnet lokal: Uhr ${event.rule}, Vektor ${vector}.`;
    case 'senden':
      return `${who} sendet ${event.message} an ${PROCESSES[event.peer!]} und schickt seine Uhr mit: ${event.rule}.`;
    case 'empfangen':
      return `${who} empfängt ${event.message} von ${PROCESSES[event.peer!]}: Uhr ${event.rule}, Vektor ${vector}.`;
  }
}

export function clockState(step: number, seed: number): ClockState {
  const current = clampStep(step, CLOCK_STEPS);
  const events = clockRun(seed).slice(0, current);
  const last = events.at(-1);
  const caption = last
    ? describe(last)
    : 'Drei Prozesse ohne gemeinsame Uhr. Jeder zählt nur seine eigenen Ereignisse und die Zeitstempel, die er empfängt.';
  return { step: current, steps: CLOCK_STEPS, caption, events };
}

/** Vector order: a happened before b exactly when a ≤ b in every entry and a ≠ b. */
export function happenedBefore(a: readonly number[], b: readonly number[]): boolean {
  return a.every((value, i) => value <= b[i]!) && a.some((value, i) => value < b[i]!);
}
