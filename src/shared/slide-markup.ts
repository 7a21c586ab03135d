/**
 * A slide's markup as remark.js structures it, written once for both halves: the viewer builds
 * every slide from it, and the page build writes the first slide into the page so that it shows
 * before any script has run.
 */
import type { Deck, Ratio, Slide } from './deck';
import { escapeHtml } from './html';

/** The fixed slide canvas the figures are drawn for; it is scaled as a whole to fit. */
export const CANVAS: Record<Ratio, { width: number; height: number }> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 },
};

/** remark.js's `slideNumberFormat`: the first `%current%` and `%total%` are replaced. */
export function formatSlideNumber(format: string, current: number, total: number): string {
  return format.replace('%current%', String(current)).replace('%total%', String(total));
}

export function slideLabel(deck: Deck, slide: Slide): string {
  return `Folie ${slide.number || slide.index + 1} von ${deck.total}`;
}

/**
 * `.remark-slide` › `.remark-slide-content` (classes, `background-*` properties, the slide's
 * HTML) + the slide number. Only the live slide (the one shown) carries the `slide-<name>` id.
 */
export function slideMarkup(deck: Deck, slide: Slide, live: boolean): string {
  const classes = escapeHtml(['remark-slide-content', ...slide.classes].join(' '));
  const id = live && slide.name ? ` id="slide-${escapeHtml(slide.name)}"` : '';
  const background = Object.entries(slide.properties)
    .filter(([key]) => key.startsWith('background-'))
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
  const style = background ? ` style="${escapeHtml(background)}"` : '';
  const text = formatSlideNumber(deck.options.slideNumberFormat, slide.number, deck.total);
  const number = text ? `<div class="remark-slide-number">${escapeHtml(text)}</div>` : '';
  const frame = slide.continued ? 'remark-slide remark-slide-incremental' : 'remark-slide';
  return `<div class="${frame}"><div class="${classes}"${id}${style}>${slide.html}${number}</div></div>`;
}

/** What a slide's region holds once built: the scaled slide and its (hidden) notes. */
export function slideRegionContent(deck: Deck, slide: Slide): string {
  return `<div class="remark-slide-scaler">${slideMarkup(deck, slide, true)}</div><div class="remark-slide-notes">${slide.notesHtml}</div>`;
}

/** A slide's labelled region; without `built`, the viewer fills it when the slide is first needed. */
export function slideRegion(deck: Deck, slide: Slide, { built = false, visible = false } = {}): string {
  const classes = visible ? 'remark-slide-container remark-visible' : 'remark-slide-container';
  const inner = built ? slideRegionContent(deck, slide) : '';
  return `<section class="${classes}" aria-label="${escapeHtml(slideLabel(deck, slide))}" tabindex="-1">${inner}</section>`;
}
