/**
 * The tracking API on the wire: JSON schemas (plain objects, so the browser bundle pays
 * nothing for them) and the types TypeBox infers from them. Server routes, the
 * `<tracking-demo>` widget and command-line clients all use these.
 */
import type { Static } from 'typebox';

export const VISITS_PATH = '/api/visits';
/** The live script of the /visits page, in the built site and at `/visits/live.js`. */
export const VISITS_LIVE_FILE = 'visits/live.js';
/** Most visits one page of `GET /api/visits` returns. */
export const MAX_PAGE_SIZE = 500;
/** Longest path or referrer a visit may carry. */
export const MAX_FIELD_LENGTH = 2048;
/** Largest `POST /api/visits` body in bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** Why a request was not counted as a visit. */
export const DROP_REASONS = ['known-bot', 'no-user-agent'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export const BUCKETS = { minute: 60_000, hour: 3_600_000 } as const;
export type Bucket = keyof typeof BUCKETS;

/** PostgreSQL text cannot hold NUL, so neither store accepts it. */
const textField = {
  type: 'string',
  maxLength: MAX_FIELD_LENGTH,
  pattern: '^[^\\u0000]*$',
} as const;

export const VisitInputSchema = {
  description: 'A page view. IP, time and user agent come from the request, not from the body.',
  type: 'object',
  properties: {
    path: { ...textField, minLength: 1, description: 'Path of the page that was viewed' },
    referrer: { ...textField, description: 'document.referrer of the page, may be empty' },
  },
  required: ['path'],
  additionalProperties: false,
} as const;
export type VisitInput = Static<typeof VisitInputSchema>;

export const VisitSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer', description: 'Increasing id, the cursor for paging' },
    at: { type: 'string', format: 'date-time', description: 'Server time of the visit' },
    ip: { type: 'string', description: 'Client IP as configured by TRACKING_IP' },
    path: { type: 'string' },
    referrer: { type: 'string' },
    userAgent: { type: 'string' },
  },
  required: ['id', 'at', 'ip', 'path', 'referrer', 'userAgent'],
  additionalProperties: false,
} as const;
export type Visit = Static<typeof VisitSchema>;

export const DroppedSchema = {
  description: 'The request was understood but not counted as a visit',
  type: 'object',
  properties: { dropped: { type: 'string', enum: DROP_REASONS } },
  required: ['dropped'],
  additionalProperties: false,
} as const;
export type Dropped = Static<typeof DroppedSchema>;

/** A visit id in a query or header: the stores count from 1, JavaScript is exact up to 2^53 − 1. */
export const VISIT_ID = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } as const;

export const VisitPageQuerySchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 },
    before: { ...VISIT_ID, minimum: 1, description: 'Only visits with a smaller id' },
  },
  additionalProperties: false,
} as const;

export const AfterQuerySchema = {
  type: 'object',
  properties: { after: { ...VISIT_ID, description: 'Only visits with a larger id' } },
  additionalProperties: false,
} as const;
export type VisitPageQuery = Static<typeof VisitPageQuerySchema>;

export const VisitPageSchema = {
  type: 'object',
  properties: {
    visits: { type: 'array', items: VisitSchema, description: 'Newest first' },
    next: {
      anyOf: [{ type: 'integer' }, { type: 'null' }],
      description: 'Pass as `before` for the next page; null on the last page',
    },
  },
  required: ['visits', 'next'],
  additionalProperties: false,
} as const;
export type VisitPage = Static<typeof VisitPageSchema>;

export const StatsQuerySchema = {
  type: 'object',
  properties: { bucket: { type: 'string', enum: ['minute', 'hour'], default: 'minute' } },
  additionalProperties: false,
} as const;
export type StatsQuery = Static<typeof StatsQuerySchema>;

export const VisitStatsSchema = {
  description: 'Visits per bucket: the last 60 minutes or the last 48 hours, oldest first',
  type: 'object',
  properties: {
    bucket: { type: 'string', enum: ['minute', 'hour'] },
    total: { type: 'integer', description: 'All stored visits' },
    counts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          start: { type: 'string', format: 'date-time' },
          count: { type: 'integer' },
        },
        required: ['start', 'count'],
        additionalProperties: false,
      },
    },
  },
  required: ['bucket', 'total', 'counts'],
  additionalProperties: false,
} as const;
export type VisitStats = Static<typeof VisitStatsSchema>;

export const TrackingStatusSchema = {
  type: 'object',
  properties: {
    store: { type: 'string', enum: ['sqlite', 'postgres'] },
    ipMode: { type: 'string', enum: ['masked', 'full', 'hashed'] },
    visits: { type: 'integer' },
    dropped: {
      type: 'object',
      description: 'Requests not counted since the start of this process, per reason',
      properties: {
        'known-bot': { type: 'integer' },
        'no-user-agent': { type: 'integer' },
      },
      required: ['known-bot', 'no-user-agent'],
      additionalProperties: false,
    },
    rateLimited: { type: 'integer', description: '429 answers since the start of this process' },
    streamClients: { type: 'integer' },
  },
  required: ['store', 'ipMode', 'visits', 'dropped', 'rateLimited', 'streamClients'],
  additionalProperties: false,
} as const;
export type TrackingStatus = Static<typeof TrackingStatusSchema>;

export const DeletedSchema = {
  type: 'object',
  properties: { deleted: { type: 'integer' } },
  required: ['deleted'],
  additionalProperties: false,
} as const;

/** Server-Sent Events of `GET /api/visits/stream`: `visit` carries a Visit, `cleared` nothing. */
export type VisitEventName = 'visit' | 'cleared';

/** Characters that would be invisible or reorder text: C0/C1 controls, DEL, bidi controls. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** The text with every invisible character written as an escape (`\x07`, `\u202E`). */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    const hex = code.toString(16).toUpperCase();
    return code <= 0xff ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
  });
}
