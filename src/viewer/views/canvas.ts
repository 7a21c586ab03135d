import type { Deck, Ratio, Slide } from '../../shared/deck';
import { DEMOS, demoElementName } from '../../shared/demos';
import { formatSlideNumber } from '../model/slide-number';

/** The fixed slide canvas the figures are drawn for; it is scaled as a whole to fit. */
export const CANVAS: Record<Ratio, { width: number; height: number }> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 },
};

export function slideLabel(deck: Deck, slide: Slide): string {
  return `Folie ${slide.number || slide.index + 1} von ${deck.total}`;
}

/** The label plus the slide's first heading, e.g. "Folie 3 von 61: Lernziele". */
export function slideTitle(deck: Deck, slide: Slide, content: ParentNode | undefined): string {
  const heading = content?.querySelector('h1, h2, h3')?.textContent?.trim();
  return heading ? `${slideLabel(deck, slide)}: ${heading}` : slideLabel(deck, slide);
}

/**
 * Builds remark.js's slide DOM (`.remark-slide` › `.remark-slide-content` + number). A live
 * slide is the one shown; a copy (next-slide preview, overview thumbnail) carries no ids and
 * shows a placeholder instead of a live demo widget.
 */
export function buildSlide(deck: Deck, slide: Slide, live: boolean): HTMLElement {
  const element = document.createElement('div');
  element.className = slide.continued ? 'remark-slide remark-slide-incremental' : 'remark-slide';
  const content = document.createElement('div');
  content.className = ['remark-slide-content', ...slide.classes].join(' ');
  if (live && slide.name) content.id = `slide-${slide.name}`;
  for (const [key, value] of Object.entries(slide.properties)) {
    if (key.startsWith('background-')) content.style.setProperty(key, value);
  }
  content.innerHTML = slide.html;
  if (!live) makeStatic(content);
  const text = formatSlideNumber(deck.options.slideNumberFormat, slide.number, deck.total);
  if (text) {
    const number = document.createElement('div');
    number.className = 'remark-slide-number';
    number.textContent = text;
    content.append(number);
  }
  element.append(content);
  return element;
}

function makeStatic(root: HTMLElement): void {
  for (const element of root.querySelectorAll('[id]')) element.removeAttribute('id');
  for (const name of DEMOS) {
    for (const widget of root.querySelectorAll(demoElementName(name))) {
      const placeholder = document.createElement('div');
      placeholder.className = 'vs-demo-placeholder';
      placeholder.textContent = 'Live-Demo';
      widget.replaceWith(placeholder);
    }
  }
}
