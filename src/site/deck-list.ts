/**
 * The list of decks on the course pages, as HTML: lecture chapters first, then exercises, then
 * everything else (such as the viewer's manual), each group sorted by its number.
 */
import { escapeHtml } from '../shared/html';
import type { Deck } from '../shared/deck';

export interface DeckEntry {
  id: string;
  title: string;
  /** e.g. "Kapitel 2", "Übung 1", or empty. */
  chapter: string;
  /** Slides as the viewer counts them (its `%total%`). */
  slides: number;
  /** A quiz bank `<id>.quiz.md` exists beside the deck. */
  quiz: boolean;
  /** Some slide embeds a live demo widget. */
  demos: boolean;
}

/** A deck that does not compile: shown in `vite dev` (the build fails instead). */
export interface BrokenDeck {
  id: string;
  message: string;
}

export interface Listing {
  decks: DeckEntry[];
  broken: BrokenDeck[];
}

export interface ListStyle {
  /** Level of the group headings; deck titles are one level below. */
  heading: number;
  /** Without the title-slide thumbnails (for the course home). */
  compact: boolean;
  /** Prefix of the site's URLs (Vite's `base`). */
  base: string;
}

const GROUPS = [
  { title: 'Vorlesung', chapter: /^Kapitel\s+(\d+)/i },
  { title: 'Übungen', chapter: /^Übung(?:sblatt)?\s+(\d+)/i },
  { title: 'Anleitungen und Weiteres', chapter: /^\D*(\d+)?/ },
] as const;

export function deckEntry(deck: Deck, quiz: boolean): DeckEntry {
  return {
    id: deck.id,
    title: deck.title,
    chapter: deck.chapter,
    slides: deck.total,
    quiz,
    demos: deck.slides.some((slide) => slide.demos.length > 0),
  };
}

interface Placed {
  entry: DeckEntry;
  group: number;
  number: number;
}

function place(entry: DeckEntry): Placed {
  const group = GROUPS.findIndex(({ chapter }) => chapter.test(entry.chapter));
  const digits = GROUPS[group]?.chapter.exec(entry.chapter)?.[1];
  return { entry, group, number: digits === undefined ? Number.POSITIVE_INFINITY : Number(digits) };
}

/** The decks in the order of the pages, grouped; empty groups are left out. */
export function groupDecks(decks: DeckEntry[]): { title: string; decks: DeckEntry[] }[] {
  const placed = decks
    .map(place)
    .sort((a, b) => a.group - b.group || a.number - b.number || a.entry.title.localeCompare(b.entry.title, 'de'));
  return GROUPS.map(({ title }, index) => ({
    title,
    decks: placed.filter((item) => item.group === index).map((item) => item.entry),
  })).filter((group) => group.decks.length > 0);
}

export function deckUrl(base: string, id: string): string {
  return `${base}slides/${encodeURIComponent(id)}/`;
}

export function quizUrl(base: string, id: string): string {
  return `${base}quiz/${encodeURIComponent(id)}/`;
}

function slideCount(count: number): string {
  return count === 1 ? '1 Folie' : `${count} Folien`;
}

/** Text only for screen readers, so that repeated link texts ("Quiz") still say which deck. */
function forDeck(entry: DeckEntry): string {
  return `<span class="vs-visually-hidden"> zu „${escapeHtml(entry.title)}“</span>`;
}

function renderThumbnail(entry: DeckEntry, href: string): string {
  const chapter = entry.chapter ? `<span class="vs-thumb-chapter">${escapeHtml(entry.chapter)}</span>` : '';
  return (
    `<a class="vs-thumb" href="${href}" tabindex="-1" aria-hidden="true">` +
    `<span class="vs-thumb-slide">${chapter}<span class="vs-thumb-title">${escapeHtml(entry.title)}</span></span></a>`
  );
}

function renderDeck(entry: DeckEntry, style: ListStyle): string {
  const href = deckUrl(style.base, entry.id);
  const level = Math.min(style.heading + 1, 6);
  const meta = [entry.chapter, slideCount(entry.slides), entry.demos ? 'mit Live-Demos' : '']
    .filter(Boolean)
    .map(escapeHtml)
    .join(' · ');
  const actions = [
    `<li><a href="${href}#p1">Referentenansicht${forDeck(entry)}</a></li>`,
    entry.quiz ? `<li><a href="${quizUrl(style.base, entry.id)}">Quiz${forDeck(entry)}</a></li>` : '',
  ].join('');
  return (
    `<li class="vs-deck" data-deck="${escapeHtml(entry.id)}">` +
    (style.compact ? '' : renderThumbnail(entry, href)) +
    `<div class="vs-deck-body"><h${level} class="vs-deck-title"><a href="${href}">${escapeHtml(entry.title)}</a></h${level}>` +
    `<p class="vs-deck-meta">${meta}</p><ul class="vs-deck-actions">${actions}</ul></div></li>`
  );
}

function renderBroken(broken: BrokenDeck[]): string {
  if (broken.length === 0) return '';
  const items = broken
    .map(({ id, message }) => `<li><code>slides/${escapeHtml(id)}.md</code><pre>${escapeHtml(message)}</pre></li>`)
    .join('');
  return `<div class="vs-deck-errors" role="alert"><p>Diese Foliensätze sind fehlerhaft und fehlen in der Liste:</p><ul>${items}</ul></div>`;
}

export function renderDeckList({ decks, broken }: Listing, style: ListStyle): string {
  const level = Math.min(style.heading, 6);
  const groups = groupDecks(decks)
    .map(
      (group) =>
        `<section class="vs-deck-group"><h${level}>${escapeHtml(group.title)}</h${level}>` +
        `<ul class="vs-decks${style.compact ? ' vs-decks-compact' : ''}">${group.decks.map((entry) => renderDeck(entry, style)).join('')}</ul></section>`,
    )
    .join('');
  const empty =
    decks.length === 0
      ? '<p class="vs-empty">Noch keine Foliensätze vorhanden. Ein Foliensatz ist eine Markdown-Datei <code>slides/&lt;name&gt;.md</code> im Format von remark.js; nach dem nächsten Bauen erscheint er hier.</p>'
      : '';
  return `${renderBroken(broken)}${groups}${empty}`;
}

/** The quizzes, as links, in the order of the decks. */
export function renderQuizList({ decks }: Listing, base: string): string {
  const items = groupDecks(decks)
    .flatMap((group) => group.decks)
    .filter((entry) => entry.quiz)
    .map((entry) => {
      const label = entry.chapter ? `${entry.chapter}: ${entry.title}` : entry.title;
      return `<li><a href="${quizUrl(base, entry.id)}">${escapeHtml(label)}</a></li>`;
    })
    .join('');
  return items ? `<ul class="vs-quizzes">${items}</ul>` : '<p class="vs-empty">Noch kein Quiz vorhanden.</p>';
}
