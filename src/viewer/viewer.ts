import type { Deck } from '../shared/deck';
import { demoElements } from '../shared/demos';
import { afterPaint } from './after-paint';
import { runCommand, type Controls } from './commands';
import type { Command } from './model/keymap';
import { Ink } from './model/ink';
import { keepInk, mirrorInk } from './inputs/ink-sync';
import { Click } from './inputs/click';
import { Keyboard } from './inputs/keyboard';
import { LocationInput } from './inputs/location';
import { CloneSync } from './inputs/sync';
import { Touch } from './inputs/touch';
import { Wheel } from './inputs/wheel';
import { parseHash } from './model/hash';
import { readHash } from '../browser/hash';
import { Modes } from './model/modes';
import { Requests } from './model/requests';
import { Navigation } from './model/navigation';
import { Timer, type TimerSnapshot } from './model/timer';
import { Zoom, zoomView } from './model/zoom';
import type { Part } from './part';
import { load, save } from './storage';
import { Announcer } from './views/announcer';
import { CANVAS, slideLabel } from '../shared/slide-markup';
import { Diagrams } from './views/diagrams';
import { helpContent } from './views/help';
import { LazyDialog } from './views/lazy-dialog';
import { ModeClasses } from './views/mode-classes';
import { ModeDialog } from './views/mode-dialog';
import { NavButtons } from './views/nav-buttons';
import { Notice } from './views/notice';
import { overviewContent } from './views/overview';
import { PresenterView } from './views/presenter';
import { PrintView } from './views/print';
import { Progress } from './views/progress';
import { ReadingView } from './views/reading';
import { Scaler } from './views/scaler';
import { SlidesView } from './views/slides';
import { ZoomLens } from './views/zoom';

/** A running deck: its models, and `add` to plug in another input or view (returns its off switch). */
export interface Viewer {
  deck: Deck;
  navigation: Navigation;
  modes: Modes;
  timer: Timer;
  ink: Ink;
  slides: SlidesView;
  sync: CloneSync;
  /** Requests that a key makes of a part plugged in later (the poll console). */
  requests: Requests;
  canvas: { width: number; height: number };
  add(part: Part): () => void;
  /** Carries out a command as if its key was pressed (the phone remote). */
  run(command: Command): void;
}

/**
 * Composes the viewer: the models (slide, modes, timer), the views that follow them and the
 * inputs that move them. The slide named by the URL is the first one drawn.
 */
export function startViewer(deck: Deck, root: HTMLElement): Viewer {
  const canvas = CANVAS[deck.options.ratio];
  const start = parseHash(readHash(), deck);
  const navigation = new Navigation(deck, start.index);
  const modes = new Modes();
  if (start.presenter) modes.set('presenter', true, 'init');
  const timer = new Timer();
  navigation.on('change', () => timer.state === 'idle' && timer.start());

  root.classList.add('remark-container');
  root.style.setProperty('--vs-canvas-w', `${canvas.width}px`);
  root.style.setProperty('--vs-canvas-h', `${canvas.height}px`);

  const slides = new SlidesView(deck, navigation, root.querySelector<HTMLElement>(':scope > .remark-slides-area'));
  if (slides.area.parentElement !== root) root.append(slides.area);
  const diagrams = new Diagrams(slides, navigation);
  const sync = new CloneSync(deck, navigation, modes);
  const print = new PrintView(root, canvas, slides, diagrams, modes);
  const requests = new Requests();
  const zoom = new Zoom();
  // The projector shows the presenter's zoom and the other way round; a slide change resets each window itself.
  zoom.on('change', ({ view, origin }) => origin !== 'sync' && origin !== 'init' && sync.postZoom(view));
  sync.on('zoom', (view) => zoom.set(zoomView(view), 'sync'));
  const ink = new Ink();
  mirrorInk(ink, sync);
  const controls: Controls = {
    navigation,
    modes,
    timer,
    zoom,
    ink,
    openClone: () => sync.openClone(),
    print: () => void print.print(),
    demo: (command) => {
      for (const widget of demoElements(slides.currentContainer)) widget.command(command);
    },
    poll: () => requests.request('poll'),
    remote: () => requests.request('remote'),
  };
  const focusSlide = (): HTMLElement => slides.currentContainer;
  const notice = new Notice(root);
  const unknownHash = (hash: string): void =>
    notice.show(
      `„#${hash.slice(0, 39)}“ gibt es in diesem Foliensatz nicht. Sie sehen ${slideLabel(deck, navigation.slide)}.`,
    );
  const { options } = deck;

  const parts: Part[] = [
    slides,
    new Scaler(slides.area, canvas),
    new ModeClasses(root, modes),
    new Progress(root, navigation),
    new ZoomLens(slides, navigation, zoom),
    new Announcer(root, deck, navigation, modes, slides),
    diagrams,
    new PresenterView(root, deck, navigation, modes, timer, diagrams),
    new ReadingView(root, deck, navigation, modes, slides, diagrams),
    new ModeDialog(root, modes, 'overview', overviewContent(deck, navigation, modes, diagrams), focusSlide),
    new ModeDialog(root, modes, 'help', helpContent(options), focusSlide),
    new LazyDialog(
      root,
      modes,
      'search',
      () => import('./views/search').then(({ searchContent }) => searchContent(deck, navigation, modes)),
      focusSlide,
    ),
    print,
    new Keyboard(modes, (command) => runCommand(controls, command)),
    notice,
    new NavButtons(root, navigation, modes, (command) => runCommand(controls, command)),
    new LocationInput(deck, navigation, modes, unknownHash),
    ...(options.touch ? [new Touch(slides.area, navigation)] : []),
    ...(options.scroll ? [new Wheel(slides.area, navigation, modes)] : []),
    ...(options.click ? [new Click(slides.area, navigation, modes)] : []),
  ];
  for (const part of parts) part.bind();
  // Pen and laser load on first use: when switched on here, or when strokes or the dot arrive.
  const loadInk = (): void => {
    for (const off of inkTriggers.splice(0)) off();
    void Promise.all([import('./views/ink-layer'), import('./views/ink-tools')]).then(
      ([{ InkLayer }, { InkTools }]) => {
        new InkLayer(slides, navigation, modes, ink, canvas).bind();
        new InkTools(root, deck.id, slides, navigation, modes, ink, canvas).bind();
      },
    );
  };
  const inkTriggers = [
    ink.on('change', loadInk),
    ink.on('laser', loadInk),
    modes.on('change', ({ mode, on }) => on && (mode === 'pen' || mode === 'laser') && loadInk()),
  ];
  // Web storage costs a round trip to the browser process on first use: not before the slide is painted.
  afterPaint(() => {
    keepTimer(timer, deck.id);
    keepInk(ink, deck.id);
    sync.bind();
  });

  return {
    deck,
    navigation,
    modes,
    timer,
    ink,
    slides,
    sync,
    requests,
    canvas,
    add(part) {
      part.bind();
      return () => part.unbind();
    },
    run: (command) => runCommand(controls, command),
  };
}

/** The presenter's timer keeps running across a reload of the page (per tab). */
function keepTimer(timer: Timer, deckId: string): void {
  const key = `vs-timer:${deckId}`;
  try {
    const saved = JSON.parse(load('session', key) ?? 'null') as TimerSnapshot | null;
    if (
      saved &&
      typeof saved.accumulated === 'number' &&
      (saved.startedAt === null || typeof saved.startedAt === 'number')
    ) {
      timer.restore(saved);
    }
  } catch {
    // A damaged entry starts a fresh timer.
  }
  timer.on('change', () => save('session', key, JSON.stringify(timer.snapshot())));
}
