import type { IncomingHttpHeaders } from 'node:http';
import { isBot } from 'isbot';
import type { DropReason } from '../../shared/tracking';

/** isbot's pattern is long; a lecture hall sends the same few user agents again and again. */
const KNOWN_AGENTS_MAX = 1000;
const knownAgents = new Map<string, boolean>();

function isBotCached(userAgent: string): boolean {
  let bot = knownAgents.get(userAgent);
  if (bot === undefined) {
    bot = isBot(userAgent);
    if (knownAgents.size >= KNOWN_AGENTS_MAX) knownAgents.clear();
    knownAgents.set(userAgent, bot);
  }
  return bot;
}

/** Why this request is not a person viewing a page, or undefined if it is one. */
export function dropReason(headers: IncomingHttpHeaders): DropReason | undefined {
  const userAgent = headers['user-agent'];
  if (!userAgent) return 'no-user-agent';
  if (isBotCached(userAgent)) return 'known-bot';
  return undefined;
}
