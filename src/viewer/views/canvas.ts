import type { Deck, Slide } from '../../shared/deck';
import { DEMOS, demoElementName, demoLabel } from '../../shared/demos';
import { slideLabel, slideMarkup } from '../../shared/slide-markup';
import { compiled, el } from '../../browser/dom';

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
  const copy = compiled(slideMarkup(deck, slide, false)).firstElementChild as HTMLElement;
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  for (const name of DEMOS) {
    for (const widget of copy.querySelectorAll(demoElementName(name))) {
      widget.replaceWith(el('div', { class: 'vs-demo-placeholder' }, demoLabel(name)));
    }
  }
  return copy;
}
