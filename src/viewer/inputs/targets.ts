import { DEMOS, demoElementName } from '../../shared/demos';

const INTERACTIVE =
  'a[href], button, input, select, textarea, label, summary, video, audio, [contenteditable], [tabindex]:not([tabindex="-1"])';
const EDITABLE = 'input, select, textarea, [contenteditable]';
const DEMO_ELEMENTS = new Set<string>(DEMOS.map(demoElementName));

/** The elements an event passed through, innermost first, across shadow roots. */
function path(event: Event): Element[] {
  return event.composedPath().filter((node): node is Element => node instanceof Element);
}

/** True when the event started on something the reader works with: a link, a button, a demo widget. */
export function onInteractive(event: Event): boolean {
  return path(event).some((element) => element.matches(INTERACTIVE) || DEMO_ELEMENTS.has(element.localName));
}

/** True when keys typed now belong to a text field or a select, not to the deck. */
export function inEditable(event: Event): boolean {
  return path(event).some((element) => element.matches(EDITABLE));
}
