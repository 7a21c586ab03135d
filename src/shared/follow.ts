/**
 * Audience-follow on the wire: the presenter view publishes its slide per deck, followers
 * receive it as Server-Sent Events. Plain JSON schemas, shared by the server routes and
 * the viewer; no runtime cost in the browser bundle beyond these few constants.
 */

import { DEMO_KEY_PATTERN, DEMOS } from './demos';

export const FOLLOW_PATH = '/api/follow';
/** Name of the Server-Sent Event that carries a FollowState. */
export const FOLLOW_EVENT = 'slide';
/** Name of the Server-Sent Event that carries a FollowDemo: one demo's state. */
export const FOLLOW_DEMO_EVENT = 'demo';
/** Name of the follow-channel event that carries the deck's current poll (PollView) or null. */
export const POLL_EVENT = 'poll';
/** Name of the event that carries the deck's questions from the hall (HallQuestion[], ranked). */
export const HALL_EVENT = 'hall';
/** A demo's state is small (a form, a run, a few jobs); anything bigger is refused. */
export const MAX_DEMO_STATE_BYTES = 16 * 1024;
/** Demos a deck may publish states for. */
export const MAX_DEMOS_PER_DECK = 32;
/** A deck id as the build names decks (`kapitel-2`, `uebung-1`). */
export const DECK_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
/** Highest slide index a presenter may publish; no deck comes close. */
export const MAX_SLIDE_INDEX = 9999;
/** The presenter view publishes its slide again this often, also without a change … */
export const PRESENTER_REPUBLISH_MS = 10_000;
/** … and a deck whose presenter has not published for this long is no longer live. */
export const PRESENTER_LIVE_MS = 25_000;

export interface FollowState {
  deck: string;
  /** 0-based slide index of the lecturer, null before the first publish. */
  index: number | null;
  /** ISO time of the last publish, null before the first. */
  updatedAt: string | null;
  /** Whether a presenter is live: published within PRESENTER_LIVE_MS. */
  live: boolean;
  /** The lecturer has blacked out the room's screens (`b`); followers' screens go black too. */
  blackout: boolean;
  /** The presenter's timer when it was published (the phone remote shows it). */
  timer?: LectureTimer;
}

export interface LectureTimer {
  elapsedMs: number;
  running: boolean;
}

/** A week: no lecture's timer runs longer. */
const MAX_TIMER_MS = 7 * 24 * 3600 * 1000;

const LectureTimerSchema = {
  description: 'The presenter’s timer at the time of the publish',
  type: 'object',
  properties: {
    elapsedMs: { type: 'integer', minimum: 0, maximum: MAX_TIMER_MS },
    running: { type: 'boolean' },
  },
  required: ['elapsedMs', 'running'],
  additionalProperties: false,
} as const;

export const FollowParamsSchema = {
  type: 'object',
  properties: { deck: { type: 'string', pattern: DECK_ID_PATTERN, description: 'Deck id, e.g. `kapitel-2`' } },
  required: ['deck'],
  additionalProperties: false,
} as const;

export const FollowInputSchema = {
  description: 'The slide the lecturer shows now',
  type: 'object',
  properties: {
    index: { type: 'integer', minimum: 0, maximum: MAX_SLIDE_INDEX, description: '0-based slide index' },
    blackout: { type: 'boolean', default: false, description: 'The screens are blacked out' },
    timer: LectureTimerSchema,
  },
  required: ['index'],
  additionalProperties: false,
} as const;

export const FollowStateSchema = {
  description: 'The lecturer’s current slide of one deck',
  type: 'object',
  properties: {
    deck: { type: 'string' },
    index: { type: ['integer', 'null'], description: '0-based slide index; null before the first publish' },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
    live: { type: 'boolean', description: 'A presenter is live for this deck' },
    blackout: { type: 'boolean', description: 'The lecturer has blacked out the screens' },
    timer: LectureTimerSchema,
  },
  required: ['deck', 'index', 'updatedAt', 'live', 'blackout'],
  additionalProperties: false,
} as const;

/** One demo's state as followers receive it; `key` is slide and place (`4-1`, DEMO_KEY_PATTERN). */
export interface FollowDemo {
  key: string;
  state: unknown;
}

export const FollowDemoParamsSchema = {
  type: 'object',
  properties: {
    deck: FollowParamsSchema.properties.deck,
    key: { type: 'string', pattern: DEMO_KEY_PATTERN, description: 'Slide and place of the demo, e.g. `4-1`' },
  },
  required: ['deck', 'key'],
  additionalProperties: false,
} as const;

/** A demo's state as its widget reports it (src/shared/demos.ts); only its kind is checked here. */
export const FollowDemoStateSchema = {
  description: 'What a demo shows in the presenter’s window',
  type: 'object',
  properties: { demo: { type: 'string', enum: [...DEMOS] } },
  required: ['demo'],
} as const;

export const FollowDemoStoredSchema = {
  type: 'object',
  properties: { deck: { type: 'string' }, key: { type: 'string' }, demos: { type: 'integer' } },
  required: ['deck', 'key', 'demos'],
  additionalProperties: false,
} as const;

/** The answer to what a presenter's tool (pen, laser, remote) passed on to the deck's channel. */
export const FollowSentSchema = {
  type: 'object',
  properties: { deck: { type: 'string' }, event: { type: 'string' } },
  required: ['deck', 'event'],
  additionalProperties: false,
} as const;

/** Where the presenter's pen (`ink`), laser (`laser`) and the phone remote (`remote`) send to. */
export function followToolPath(deck: string, tool: 'ink' | 'laser' | 'remote'): string {
  return `${followPath(deck)}/${tool}`;
}

export function followDemoPath(deck: string, key: string): string {
  return `${followPath(deck)}/state/${encodeURIComponent(key)}`;
}

export function followEventsPath(deck: string): string {
  return `${FOLLOW_PATH}/${encodeURIComponent(deck)}/events`;
}

export function followPath(deck: string): string {
  return `${FOLLOW_PATH}/${encodeURIComponent(deck)}`;
}

/** Where the presenter's browser keeps PRESENTER_TOKEN (localStorage), for publishing and the demos' presenter actions. */
export const PRESENTER_TOKEN_KEY = 'vs-presenter-token';
