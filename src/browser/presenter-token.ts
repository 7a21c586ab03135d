import { PRESENTER_TOKEN_KEY } from '../shared/follow';

/** PRESENTER_TOKEN as the lecturer's browser keeps it; null in every other browser. */
export function presenterToken(): string | null {
  try {
    return localStorage.getItem(PRESENTER_TOKEN_KEY);
  } catch {
    return null;
  }
}
