import './phone.css';
import { compiled, el } from '../../browser/dom';
import { presenterToken } from '../../browser/presenter-token';
import type { Deck } from '../../shared/deck';
import {
  FOLLOW_EVENT,
  followEventsPath,
  followToolPath,
  type FollowState,
  type LectureTimer,
} from '../../shared/follow';
import type { RemoteCommand } from '../../shared/remote';
import { CANVAS } from '../../shared/slide-markup';
import { formatElapsed } from '../model/timer';
import { slideCopy, slideTitle } from '../views/canvas';
import { Scaler } from '../views/scaler';

/** EventSource gives up for good on an HTTP error answer; then a fresh one is opened after this. */
const REOPEN_MS = 3000;

/**
 * The phone page (`?fernbedienung`, the presenter token in the fragment): big buttons for the
 * previous and next slide and the blackout, the lecturer's current slide with a small preview,
 * the next slide's title, the notes and the timer. It hears the deck's follow channel like a
 * follower and sends its commands to the presenter view through the server.
 */
export function startRemote(deck: Deck, root: HTMLElement): void {
  const canvas = CANVAS[deck.options.ratio];
  const token = presenterToken();
  const status = el('p', { class: 'vs-remote-status', role: 'status' }, 'Verbinde …');
  const timer = el('p', { class: 'vs-remote-timer', role: 'timer', 'aria-label': 'Vortragszeit' }, '0:00:00');
  const label = el('p', { class: 'vs-remote-label' });
  const scaler = el('div', { class: 'remark-slide-scaler' });
  const preview = el('div', { class: 'vs-remote-preview', 'aria-hidden': 'true' }, scaler);
  const next = el('p', { class: 'vs-remote-next' });
  const notes = el('div', { class: 'vs-remote-notes' });
  const previous = button('‹ Zurück', 'previous');
  const forward = button('Weiter ›', 'next');
  const blackout = button('Schwarzbild', 'blackout');
  blackout.classList.add('vs-remote-blackout');

  root.className = 'vs-remote';
  root.removeAttribute('style');
  root.style.setProperty('--vs-canvas-w', `${canvas.width}px`);
  root.style.setProperty('--vs-canvas-h', `${canvas.height}px`);
  root.replaceChildren(
    el('header', {}, el('h1', { class: 'vs-remote-title' }, `Fernbedienung · ${deck.title}`), status, timer),
    el('section', { class: 'vs-remote-now', 'aria-label': 'Aktuelle Folie' }, label, preview, next),
    el('div', { class: 'vs-remote-buttons' }, previous, forward, blackout),
    el('section', { 'aria-label': 'Notizen' }, el('h2', { class: 'vs-remote-heading' }, 'Notizen'), notes),
  );
  preview.style.aspectRatio = `${canvas.width} / ${canvas.height}`;
  new Scaler(preview, canvas).bind();

  let lectureTimer: { timer: LectureTimer; at: number } | undefined;
  const showTime = (): void => {
    if (!lectureTimer) return;
    const { timer: state, at } = lectureTimer;
    timer.textContent = formatElapsed(state.elapsedMs + (state.running ? Date.now() - at : 0));
  };
  setInterval(showTime, 1000);

  const show = (state: FollowState): void => {
    if (!state.live || state.index === null) {
      status.textContent = 'Warten auf die Referentenansicht … (am Rechner mit P öffnen)';
      return;
    }
    const slide = deck.slides[Math.min(state.index, deck.slides.length - 1)]!;
    const copy = slideCopy(deck, slide);
    scaler.replaceChildren(copy);
    label.textContent = slideTitle(deck, slide, copy);
    const following = deck.slides[slide.index + 1];
    next.textContent = following
      ? `Als Nächstes: ${slideTitle(deck, following, slideCopy(deck, following))}`
      : 'Als Nächstes: Ende des Foliensatzes';
    notes.replaceChildren(
      slide.notesHtml
        ? compiled(slide.notesHtml)
        : el('p', { class: 'vs-notes-empty' }, 'Keine Notizen zu dieser Folie.'),
    );
    blackout.setAttribute('aria-pressed', String(state.blackout));
    status.textContent = state.blackout ? 'Verbunden · Schwarzbild' : 'Verbunden';
    if (state.timer) lectureTimer = { timer: state.timer, at: Date.now() };
    showTime();
  };

  const open = (): void => {
    const source = new EventSource(followEventsPath(deck.id));
    source.addEventListener(FOLLOW_EVENT, (event) => {
      try {
        show(JSON.parse((event as MessageEvent<string>).data) as FollowState);
      } catch {
        // A damaged event changes nothing.
      }
    });
    source.addEventListener('error', () => {
      status.textContent = 'Verbindung unterbrochen … neuer Versuch läuft';
      if (source.readyState === EventSource.CLOSED) setTimeout(open, REOPEN_MS);
    });
  };

  async function send(command: RemoteCommand): Promise<void> {
    try {
      const response = await fetch(followToolPath(deck.id, 'remote'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ command }),
      });
      if (response.ok) return;
      const { message } = (await response.json().catch(() => ({}))) as { message?: string };
      status.textContent = message ?? `Der Befehl wurde abgelehnt (${response.status}).`;
    } catch {
      status.textContent = 'Server nicht erreichbar – bitte erneut versuchen.';
    }
  }

  function button(text: string, command: RemoteCommand): HTMLButtonElement {
    const node = el('button', { type: 'button', disabled: !token }, text);
    node.addEventListener('click', () => void send(command));
    return node;
  }

  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !token) return;
    const command: RemoteCommand | undefined =
      event.key === 'ArrowRight' || event.key === 'PageDown'
        ? 'next'
        : event.key === 'ArrowLeft' || event.key === 'PageUp'
          ? 'previous'
          : event.key.toLowerCase() === 'b' || event.key === '.'
            ? 'blackout'
            : undefined;
    if (!command) return;
    event.preventDefault();
    void send(command);
  });

  if (!token) {
    status.textContent =
      'Diesem Link fehlt das Referenten-Token. Öffnen Sie ihn über den QR-Code der Referentenansicht (Taste G).';
  }
  open();
}
