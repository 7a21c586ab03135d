/** Web storage that may be unavailable (blocked cookies, sandboxed frames): reads fall back, writes are dropped. */
export function load(store: 'local' | 'session', key: string): string | null {
  try {
    return (store === 'local' ? localStorage : sessionStorage).getItem(key);
  } catch {
    return null;
  }
}

export function save(store: 'local' | 'session', key: string, value: string): void {
  try {
    (store === 'local' ? localStorage : sessionStorage).setItem(key, value);
  } catch {
    // Without storage the value lives only as long as the page.
  }
}
