import { el } from '../browser/dom';

/** Keys that scroll a focused region; on a slide the deck would otherwise take them to change slides. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * A region of fixed height that scrolls what does not fit: focusable and labelled, so the
 * keyboard reaches it, and while it can scroll, its keys and wheel turns stay with it.
 */
export function scrollRegion(className: string, label: string, ...children: (Node | string)[]): HTMLDivElement {
  const region = el(
    'div',
    { class: `scroll ${className}`, role: 'region', 'aria-label': label, tabindex: '0' },
    ...children,
  );
  const scrolls = () => region.scrollHeight > region.clientHeight;
  region.addEventListener('keydown', (event) => {
    if (event.target === region && SCROLL_KEYS.has(event.key) && scrolls()) event.stopPropagation();
  });
  const keepWheel = (event: WheelEvent) => {
    if (scrolls()) event.stopPropagation();
  };
  region.addEventListener('wheel', keepWheel, { passive: true });
  return region;
}
