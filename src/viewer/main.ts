import { DECK_DATA_ID, type Deck } from '../shared/deck';
import { afterPaint } from './after-paint';
import { followParts } from './follow/index';
import { takeTokenFromAddress } from '../browser/presenter-token';
import { startViewer } from './viewer';
import { el } from '../browser/dom';
import { REMOTE_PARAM } from '../shared/remote';
import { followTheme } from '../browser/theme';

function readDeck(): Deck | undefined {
  try {
    const deck = JSON.parse(document.getElementById(DECK_DATA_ID)?.textContent ?? '') as Deck;
    return Array.isArray(deck.slides) && deck.slides.length > 0 ? deck : undefined;
  } catch {
    return undefined;
  }
}

// The page was built with the first slide in place (src/deck/page.ts); the viewer takes it over.
const root = document.querySelector<HTMLElement>('body > main') ?? document.body.appendChild(el('main'));
const deck = readDeck();
if (!deck) {
  root.className = 'vs-load-error';
  root.removeAttribute('style');
  root.innerHTML =
    '<h1>Foliensatz konnte nicht geladen werden</h1><p>Die Seite enthält keine lesbaren Foliendaten. Bitte neu bauen (<code>npm run build</code>).</p>';
} else if (new URL(location.href).searchParams.has(REMOTE_PARAM)) {
  takeTokenFromAddress();
  void import('./remote/phone').then(({ startRemote }) => startRemote(deck, root));
} else {
  takeTokenFromAddress();
  const viewer = startViewer(deck, root);
  // Following reads web storage and opens connections: that waits until the slide is painted.
  afterPaint(() => {
    // The design another window picks (the presenter's, in the clone window) is followed here.
    followTheme();
    for (const part of followParts(viewer, root)) viewer.add(part);
  });
  // Live demo widgets are custom elements: defined once, they come alive on every slide that has one.
  if (deck.slides.some((slide) => slide.demos.length > 0)) void import('../widgets/index');
  if (import.meta.env.DEV) {
    void import('./views/overflow').then(({ OverflowWarning }) =>
      viewer.add(new OverflowWarning(viewer.slides, viewer.navigation, viewer.canvas)),
    );
  }
}
