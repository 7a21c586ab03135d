/**
 * Full-text search over a small list of entries (the slides of a deck, or the course's decks and
 * quiz questions): every word of the query must occur; entries whose title has them all come first,
 * the rest in their own order. Used by the viewer and the course home alike.
 */

export interface SearchEntry {
  title: string;
  text: string;
}

export interface SearchHit<E extends SearchEntry> {
  entry: E;
  /** Every word of the query is in the title. */
  inTitle: boolean;
  /** Text around the first match, the match apart so that it can be marked. */
  snippet: { before: string; match: string; after: string };
}

/** The course home's index, built with the site (`/search-index.json`): slides and quiz questions. */
export const SITE_SEARCH_PATH = 'search-index.json';

export interface SiteSearchEntry extends SearchEntry {
  /** Where a hit leads: a slide (`/slides/kapitel-2/#60`) or a quiz question (`/quiz/kapitel-2/#frage`). */
  href: string;
  /** Where it is, in words: `Kapitel 2 · Folie 60` or `Quiz Kapitel 2`. */
  where: string;
}

/** Characters of context on each side of a match in a snippet. */
const CONTEXT = 60;

export function queryWords(query: string): string[] {
  return query.toLocaleLowerCase('de').split(/\s+/).filter(Boolean);
}

export function search<E extends SearchEntry>(entries: readonly E[], query: string, limit = 50): SearchHit<E>[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const first: SearchHit<E>[] = [];
  const rest: SearchHit<E>[] = [];
  for (const entry of entries) {
    const title = entry.title.toLocaleLowerCase('de');
    const text = entry.text.toLocaleLowerCase('de');
    if (!words.every((word) => title.includes(word) || text.includes(word))) continue;
    const inTitle = words.every((word) => title.includes(word));
    (inTitle ? first : rest).push({ entry, inTitle, snippet: snippet(entry.text, text, words) });
    if (first.length >= limit) break;
  }
  return [...first, ...rest].slice(0, limit);
}

function snippet(original: string, lower: string, words: string[]): SearchHit<SearchEntry>['snippet'] {
  const word = words.find((candidate) => lower.includes(candidate));
  if (word === undefined) return { before: original.slice(0, 2 * CONTEXT), match: '', after: '' };
  const at = lower.indexOf(word);
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(original.length, at + word.length + CONTEXT);
  return {
    before: (start > 0 ? '…' : '') + original.slice(start, at),
    match: original.slice(at, at + word.length),
    after: original.slice(at + word.length, end) + (end < original.length ? '…' : ''),
  };
}
