import { adoptStyles, el, type Child } from '../browser/dom';
import styles from './shell.css?inline';

/** Gives a demo's shadow root the look all live demos share; its own styles come after. */
export function adoptShell(root: ShadowRoot): void {
  adoptStyles(root, styles);
}

/** The frame of a live demo: a group named by its title, the head row (title, then `head`), then `body`. */
export function demoFrame(title: string, head: Child[], ...body: Child[]): HTMLDivElement {
  return el(
    'div',
    { class: 'demo', role: 'group', 'aria-labelledby': 'title' },
    el('div', { class: 'head' }, el('span', { id: 'title', class: 'title' }, title), ...head),
    ...body,
  );
}

/** What a demo prints while it has nothing of its own to show: its title and what it does in the lecture. */
export function printPlaceholder(title: string, text: string): HTMLDivElement {
  return el('div', { class: 'placeholder', 'aria-hidden': 'true' }, el('strong', {}, title), el('span', {}, text));
}
