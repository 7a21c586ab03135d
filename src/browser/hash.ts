/**
 * The page's location hash without its `#`, as a person reads it (`%C3%BC` → `ü`); kept as it
 * is when it does not decode.
 */
export function readHash(): string {
  const value = location.hash.replace(/^#/, '');
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Sets the hash (`''` removes it) in place of the current history entry, so Back leaves the
 * page instead of stepping through hashes. Fires no `hashchange`.
 */
export function writeHash(value: string): void {
  const url = `${location.pathname}${location.search}${value === '' ? '' : `#${value}`}`;
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // Documents with an opaque origin (some file:// pages) refuse replaceState.
    location.replace(value === '' ? '#' : `#${value}`);
  }
}

/** Calls `listener` with the new hash (as `readHash` gives it) whenever it changes; returns the matching `off`. */
export function onHashChange(listener: (value: string) => void): () => void {
  const handler = (): void => listener(readHash());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}
