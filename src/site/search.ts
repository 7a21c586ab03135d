import { el } from '../browser/dom';
import { search, SITE_SEARCH_PATH, type SiteSearchEntry } from '../shared/search';

/**
 * The course home's search: one field over every slide of every deck and every quiz question.
 * The index is built with the site and fetched when the field is first used.
 */
const form = document.querySelector<HTMLFormElement>('#suche-form');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const status = document.querySelector<HTMLElement>('#suche-status');
const list = document.querySelector<HTMLOListElement>('#suche-treffer');

let index: Promise<SiteSearchEntry[]> | undefined;

function load(): Promise<SiteSearchEntry[]> {
  index ??= fetch(`${import.meta.env.BASE_URL}${SITE_SEARCH_PATH}`).then((response) => {
    if (!response.ok) throw new Error(String(response.status));
    return response.json() as Promise<SiteSearchEntry[]>;
  });
  return index;
}

async function show(): Promise<void> {
  if (!input || !status || !list) return;
  const query = input.value.trim();
  if (!query) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  let entries: SiteSearchEntry[];
  try {
    entries = await load();
  } catch {
    index = undefined;
    status.textContent = 'Der Suchindex ist nicht erreichbar. Bitte später noch einmal versuchen.';
    return;
  }
  // A newer query may have been typed while the index loaded.
  if (input.value.trim() !== query) return;
  const hits = search(entries, query, 30);
  status.textContent =
    hits.length === 0
      ? `Nichts gefunden zu „${query}“.`
      : `${hits.length}${hits.length === 30 ? ' oder mehr' : ''} Treffer`;
  list.replaceChildren(
    ...hits.map(({ entry, inTitle, snippet }) =>
      el(
        'li',
        {},
        el(
          'a',
          { href: entry.href },
          el('span', { class: 'vs-search-where' }, entry.where),
          el('span', { class: 'vs-search-title' }, entry.title || '(ohne Überschrift)'),
        ),
        ...(inTitle ? [] : [el('p', {}, snippet.before, el('mark', {}, snippet.match), snippet.after)]),
      ),
    ),
  );
}

input?.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
input?.addEventListener('input', () => void show());
form?.addEventListener('submit', (event) => {
  event.preventDefault();
  // Enter opens the first hit.
  const first = list?.querySelector('a');
  if (first) location.href = first.href;
  else void show();
});
