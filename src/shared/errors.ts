/**
 * The one error reply of every API (tracking, follow, tasks): a plain JSON schema, so the
 * browser bundle pays nothing for it.
 */
import type { Static } from 'typebox';

export const ErrorReplySchema = {
  description: 'Fehlerantwort',
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string', description: 'Der HTTP-Status in Worten' },
    message: { type: 'string', description: 'Der Grund, auf Deutsch' },
    field: { type: 'string', description: 'Das fehlerhafte Feld, z. B. `limit` oder `params[2]`' },
    limit: { type: 'number', description: 'Die überschrittene Grenze' },
  },
  required: ['statusCode', 'error', 'message'],
} as const;
export type ErrorReply = Static<typeof ErrorReplySchema>;
