import type { Deck, Slide } from '../../shared/deck';
import { DEMOS, demoElementName } from '../../shared/demos';
import { slideLabel, slideMarkup } from '../../shared/slide-markup';

/** The label plus the slide's first heading, e.g. "Folie 3 von 61: Lernziele". */
export function slideTitle(deck: Deck, slide: Slide, content: ParentNode | undefined): string {
  const heading = content?.querySelector('h1, h2, h3')?.textContent?.trim();
  return heading ? `${slideLabel(deck, slide)}: ${heading}` : slideLabel(deck, slide);
}

/**
 * A copy of a slide (next-slide preview, overview thumbnail): no ids, and a placeholder
 * instead of a live demo widget.
 */
export function slideCopy(deck: Deck, slide: Slide): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = slideMarkup(deck, slide, false);
  const copy = template.content.firstElementChild as HTMLElement;
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  for (const name of DEMOS) {
    for (const widget of copy.querySelectorAll(demoElementName(name))) {
      const placeholder = document.createElement('div');
      placeholder.className = 'vs-demo-placeholder';
      placeholder.textContent = 'Live-Demo';
      widget.replaceWith(placeholder);
    }
  }
  return copy;
}
