import { readHash, writeHash } from './hash';
import { PRESENTER_TOKEN_KEY } from '../shared/follow';

/** PRESENTER_TOKEN as the lecturer's browser keeps it; null in every other browser. */
export function presenterToken(): string | null {
  try {
    return localStorage.getItem(PRESENTER_TOKEN_KEY);
  } catch {
    return null;
  }
}

/**
 * The lecturer opens the deck once with the token last in the fragment (`#p1&token=…` or
 * `#token=…`): a fragment never reaches a server's log or a Referer. It is kept in this browser,
 * not in the URL.
 */
const TOKEN_IN_FRAGMENT = /(?:^|&)token=(.*)$/s;

/**
 * Stores a token given in the URL fragment and removes it from the address, before the viewer
 * reads the fragment for the slide (`#p1&token=…` → `#p1`).
 */
export function takeTokenFromAddress(): void {
  const hash = readHash();
  const match = TOKEN_IN_FRAGMENT.exec(hash);
  if (!match) return;
  if (match[1]) {
    try {
      localStorage.setItem(PRESENTER_TOKEN_KEY, match[1]);
    } catch {
      // Without storage the token is not kept; the page asks for it again.
    }
  }
  writeHash(hash.slice(0, match.index));
}
