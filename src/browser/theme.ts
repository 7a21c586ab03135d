/**
 * The colour scheme: the system's (prefers-color-scheme) unless the person picked one, which is
 * kept in localStorage and followed by every open window of the site (the clone window too)
 * through the storage event. theme.css turns the choice into `color-scheme`.
 */
import { THEME_STORAGE_KEY as KEY } from '../shared/theme';
import { el } from './dom';

export type Theme = 'light' | 'dark';

/** The pick of this page when the browser keeps no storage. */
let unstored: Theme | null = null;

function stored(): Theme | null {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : unstored;
  } catch {
    return unstored;
  }
}

function apply(): void {
  const theme = stored();
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  for (const listener of listeners) listener(currentTheme());
}

const listeners = new Set<(theme: Theme) => void>();
let following = false;

/** The scheme in effect: the picked one, else the system's. */
export function currentTheme(): Theme {
  return stored() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** Applies the picked scheme now and whenever another window picks one; `listener` hears each change. */
export function followTheme(listener?: (theme: Theme) => void): void {
  if (listener) listeners.add(listener);
  if (following) return;
  following = true;
  apply();
  window.addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) apply();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
}

/** Switches to the other scheme and remembers it; returns the new one. */
export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  unstored = next;
  try {
    localStorage.setItem(KEY, next);
  } catch {
    // Without storage the choice holds for this page only.
  }
  apply();
  return next;
}

/** A toggle button "Dunkles Design", pressed while the dark scheme is in effect. */
export function themeSwitch(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'vs-theme-switch' }, 'Dunkles Design');
  const show = (theme: Theme): void => button.setAttribute('aria-pressed', String(theme === 'dark'));
  button.addEventListener('click', () => toggleTheme());
  followTheme(show);
  show(currentTheme());
  return button;
}
