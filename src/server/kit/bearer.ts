import { createHash, timingSafeEqual } from 'node:crypto';
import type { preValidationAsyncHookHandler } from 'fastify';
import { HttpError } from './errors';

export interface BearerOptions {
  /** The configured secret; undefined: the action is switched off. */
  token: string | undefined;
  /** Its environment variable, named in the messages: `ADMIN_TOKEN`. */
  variable: string;
  /** What the token allows, for the message when it is not configured: `Besuche löschen`. */
  action: string;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The one bearer check, run before the body is validated: 503 when the token is not
 * configured, 401 with `WWW-Authenticate: Bearer` when none was sent, 403 when it is wrong.
 */
export function bearerAuth({ token, variable, action }: BearerOptions): preValidationAsyncHookHandler {
  return async (request, reply) => {
    if (!token) throw new HttpError(503, `${action} ist nicht eingerichtet: ${variable} ist nicht gesetzt.`);
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(401, `Token fehlt: Senden Sie Authorization: Bearer <${variable}>.`);
    }
    if (!sameSecret(given, token)) throw new HttpError(403, `Falsches Token (${variable}).`);
  };
}

/** The header schema of a route behind bearerAuth, for the OpenAPI description. */
export const BearerHeadersSchema = {
  type: 'object',
  properties: { authorization: { type: 'string', description: 'Bearer <Token>' } },
} as const;
