import type { IncomingHttpHeaders } from 'node:http';
import { isBot } from 'isbot';
import type { DropReason } from '../../shared/tracking';

/** Why this request is not a person viewing a page, or undefined if it is one. */
export function dropReason(headers: IncomingHttpHeaders): DropReason | undefined {
  const userAgent = headers['user-agent'];
  if (!userAgent) return 'no-user-agent';
  if (isBot(userAgent)) return 'known-bot';
  return undefined;
}
