// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command } from '../../../src/viewer/model/keymap';
import { Modes } from '../../../src/viewer/model/modes';
import { Navigation } from '../../../src/viewer/model/navigation';
import { Timer } from '../../../src/viewer/model/timer';
import type { Part } from '../../../src/viewer/part';
import { Announcer } from '../../../src/viewer/views/announcer';
import { Diagrams } from '../../../src/viewer/views/diagrams';
import { helpContent } from '../../../src/viewer/views/help';
import { ModeClasses } from '../../../src/viewer/views/mode-classes';
import { ModeDialog } from '../../../src/viewer/views/mode-dialog';
import { PresenterView } from '../../../src/viewer/views/presenter';
import { NavButtons } from '../../../src/viewer/views/nav-buttons';
import { overviewContent } from '../../../src/viewer/views/overview';
import { Progress } from '../../../src/viewer/views/progress';
import { SlidesView } from '../../../src/viewer/views/slides';
import { DEFAULT_OPTIONS, type Deck } from '../../../src/shared/deck';
import { deckOf } from './fixture';

/** Five slides; the third has a step (its number repeats), so 4 numbers in all. */
const deck: Deck = deckOf([{ number: 1 }, { number: 2 }, { number: 3 }, { number: 3, continued: true }, { number: 4 }]);
const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

let root: HTMLElement;
let navigation: Navigation;
let modes: Modes;
let bound: Part[];

function bind<P extends Part>(part: P): P {
  part.bind();
  bound.push(part);
  return part;
}

beforeEach(() => {
  root = document.body.appendChild(document.createElement('div'));
  navigation = new Navigation(deck, 0);
  modes = new Modes();
  bound = [];
});

afterEach(() => {
  for (const part of bound) part.unbind();
  document.body.replaceChildren();
});

describe('SlidesView', () => {
  function slides(prebuilt: HTMLElement | null = null): SlidesView {
    const view = bind(new SlidesView(deck, navigation, prebuilt));
    root.append(view.area);
    return view;
  }

  const visible = (view: SlidesView): string[] =>
    [...view.area.querySelectorAll('.remark-visible')].map((region) => region.getAttribute('aria-label') ?? '');

  it('has one labelled region per slide, of which only the current one is visible', () => {
    const view = slides();
    const regions = [...view.area.children];
    expect(regions.map((region) => region.getAttribute('aria-label'))).toEqual([
      'Folie 1 von 4',
      'Folie 2 von 4',
      'Folie 3 von 4',
      'Folie 3 von 4',
      'Folie 4 von 4',
    ]);
    expect(visible(view)).toEqual(['Folie 1 von 4']);
    navigation.goTo(4);
    expect(visible(view)).toEqual(['Folie 4 von 4']);
    expect(view.currentContainer).toBe(regions[4]);
  });

  it('builds a slide when it or a neighbour shows; the neighbours after the paint', async () => {
    const view = slides();
    const built = (): boolean[] => [...view.area.children].map((region) => region.firstChild !== null);
    expect(built()).toEqual([true, false, false, false, false]);
    await nextFrame();
    expect(built()).toEqual([true, true, false, false, false]);
    navigation.goTo(3);
    expect(built()).toEqual([true, true, false, true, false]);
    await nextFrame();
    expect(built()).toEqual([true, true, true, true, true]);
    expect([...view.area.querySelectorAll('.vs-near')].map((region) => region.getAttribute('aria-label'))).toEqual([
      'Folie 3 von 4',
      'Folie 4 von 4',
    ]);
    expect(view.content(2)?.querySelector('h1')?.textContent).toBe('Folie 3');
    expect(view.content(99)).toBeUndefined();
  });

  it('takes over a page that already holds the first slide, built', () => {
    const page = document.createElement('div');
    page.className = 'remark-slides-area';
    page.innerHTML =
      '<section class="remark-slide-container remark-visible" aria-label="Folie 1 von 4">vom Server</section>';
    const view = slides(page);
    expect(view.area).toBe(page);
    expect(page.children).toHaveLength(5);
    expect(page.firstElementChild?.textContent).toBe('vom Server');
  });
});

describe('Progress', () => {
  it('grows with the position in the deck, from nothing at the first slide to full at the last', async () => {
    bind(new Progress(root, navigation));
    const bar = root.querySelector<HTMLElement>('.vs-progress-bar');
    expect(root.querySelector('.vs-progress')?.getAttribute('aria-hidden')).toBe('true');
    expect(bar?.style.transform).toBe('scaleX(0)');
    navigation.goTo(2);
    await nextFrame();
    expect(bar?.style.transform).toBe('scaleX(0.5)');
    navigation.goTo(4);
    await nextFrame();
    expect(bar?.style.transform).toBe('scaleX(1)');
  });
});

describe('ModeClasses', () => {
  it('mirrors the modes in remark.js’s classes on the container', () => {
    bind(new ModeClasses(root, modes));
    modes.set('presenter', true);
    modes.set('blackout', true);
    expect([...root.classList]).toEqual(['remark-presenter-mode', 'remark-blackout-mode']);
    modes.set('blackout', false);
    expect([...root.classList]).toEqual(['remark-presenter-mode']);
    expect(root.querySelector('.remark-backdrop')).not.toBeNull();
  });
});

describe('Announcer', () => {
  it('tells screen readers the slide with its heading, and each mode switched', async () => {
    const slides = bind(new SlidesView(deck, navigation));
    root.append(slides.area);
    bind(new Announcer(root, deck, navigation, modes, slides));
    const region = root.querySelector('[aria-live="polite"]');
    navigation.goTo(3);
    await nextFrame();
    expect(region?.textContent).toBe('Folie 3 von 4: Folie 4');
    modes.set('overview', true);
    expect(region?.textContent).toBe('Folienübersicht an');
  });
});

describe('NavButtons', () => {
  it('moves with the buttons and disables them at either end', async () => {
    const commands: Command[] = [];
    const run = (command: Command): void => {
      commands.push(command);
      if (command.kind === 'next') navigation.next();
      if (command.kind === 'previous') navigation.previous();
    };
    bind(new NavButtons(root, navigation, modes, run));
    const [previous, overview, next] = [...root.querySelectorAll('nav button')] as HTMLButtonElement[];
    expect([previous, overview, next].map((button) => button?.getAttribute('aria-label'))).toEqual([
      'Vorherige Folie',
      'Folienübersicht',
      'Nächste Folie',
    ]);
    expect(previous?.disabled).toBe(true);
    previous?.click();
    next?.click();
    expect(commands).toEqual([{ kind: 'next' }]);
    await nextFrame();
    expect(previous?.disabled).toBe(false);
    previous?.click();
    expect(commands).toEqual([{ kind: 'next' }, { kind: 'previous' }]);
    navigation.goTo(4);
    await nextFrame();
    expect(next?.disabled).toBe(true);
    expect(previous?.disabled).toBe(false);
    overview?.click();
    expect(modes.has('overview')).toBe(true);
  });
});

describe('Order of work on a move', () => {
  it('the new slide shows in the task of the move; progress, announcement and buttons follow once after the paint', async () => {
    const slides = bind(new SlidesView(deck, navigation));
    root.append(slides.area);
    bind(new Progress(root, navigation));
    bind(new Announcer(root, deck, navigation, modes, slides));
    bind(new NavButtons(root, navigation, modes, () => undefined));
    const region = root.querySelector('[aria-live="polite"]');
    const bar = root.querySelector<HTMLElement>('.vs-progress-bar');
    const previous = root.querySelector<HTMLButtonElement>('nav button');
    let said = 0;
    new MutationObserver((records) => (said += records.length)).observe(region as Node, { childList: true });
    navigation.goTo(1);
    navigation.goTo(2);
    expect(slides.currentContainer.classList.contains('remark-visible')).toBe(true);
    expect(slides.currentContainer.getAttribute('aria-label')).toBe('Folie 3 von 4');
    expect([bar?.style.transform, region?.textContent, previous?.disabled]).toEqual(['scaleX(0)', '', true]);
    await nextFrame();
    expect([bar?.style.transform, region?.textContent, previous?.disabled]).toEqual([
      'scaleX(0.5)',
      'Folie 3 von 4: Folie 3',
      false,
    ]);
    expect(said).toBe(1);
  });
});

describe('ModeDialog', () => {
  it('help: opens with its mode, lists the keys the deck’s options allow, and gives focus back when it goes', async () => {
    const slides = new SlidesView(deck, navigation);
    root.append(slides.area);
    const dialog = bind(
      new ModeDialog(
        root,
        modes,
        'help',
        helpContent({ ...DEFAULT_OPTIONS, scroll: false }),
        () => slides.currentContainer,
      ),
    ).dialog;
    const before = root.appendChild(document.createElement('button'));
    before.focus();
    modes.set('help', true);
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('vs-dialog-help-title');
    expect(dialog.querySelector('h2')?.textContent).toBe('Tastenkürzel');
    expect(document.activeElement?.textContent).toBe('Schließen');
    const keys = [...dialog.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')?.textContent);
    expect(keys).toContain('B .');
    expect(keys).toContain('Esc');
    expect(keys).not.toContain('Mausrad');
    modes.set('help', false);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(before);
    // Closed by its button, the dialog switches its mode off (the browser moves focus back itself).
    modes.set('help', true);
    dialog.querySelector<HTMLButtonElement>('.vs-dialog-close')?.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(modes.has('help')).toBe(false);
  });

  it('overview: a thumbnail button per slide, the current one marked; a click jumps there and closes it', () => {
    const slides = new SlidesView(deck, navigation);
    root.append(slides.area);
    const content = overviewContent(deck, navigation, modes, new Diagrams(slides, navigation));
    const dialog = bind(new ModeDialog(root, modes, 'overview', content, () => slides.currentContainer)).dialog;
    navigation.goTo(1);
    modes.set('overview', true);
    const buttons = [...dialog.querySelectorAll<HTMLButtonElement>('.vs-thumb-button')];
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Folie 1 von 4: Folie 1',
      'Folie 2 von 4: Folie 2',
      'Folie 3 von 4: Folie 3',
      'Folie 3 von 4: Folie 4',
      'Folie 4 von 4: Folie 5',
    ]);
    expect(buttons.map((button) => button.getAttribute('aria-current'))).toEqual([null, 'true', null, null, null]);
    expect(document.activeElement).toBe(buttons[1]);
    expect(dialog.querySelectorAll('.vs-thumb [id]')).toHaveLength(0);
    buttons[3]?.click();
    expect(navigation.index).toBe(3);
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(slides.currentContainer);
  });
});

describe('PresenterView', () => {
  it('is built on first use: slide number, notes, a copy of the next slide, and the timer’s buttons', () => {
    let now = 0;
    const timer = new Timer(() => now);
    const slides = new SlidesView(deck, navigation);
    const noted: Deck = {
      ...deck,
      slides: deck.slides.map((slide, i) => (i === 1 ? { ...slide, notesHtml: '<p>Langsam sprechen.</p>' } : slide)),
    };
    navigation = new Navigation(noted, 0);
    bind(new PresenterView(root, noted, navigation, modes, timer, new Diagrams(slides, navigation)));
    expect(root.querySelector('.remark-notes-area')).toBeNull();
    modes.set('presenter', true);
    const text = (selector: string): string | undefined => root.querySelector(selector)?.textContent ?? undefined;
    expect(text('.vs-presenter-number')).toBe('Folie 1 / 4');
    expect(text('.remark-notes')).toBe('Keine Notizen zu dieser Folie.');
    expect(text('.remark-preview-area h1')).toBe('Folie 2');
    navigation.goTo(1);
    expect(text('.remark-notes')).toBe('Langsam sprechen.');
    navigation.goTo(4);
    expect(text('.vs-preview-end')).toBe('Ende des Foliensatzes');
    const toggle = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Start');
    toggle?.click();
    now = 65_000;
    timer.toggle();
    expect(text('.remark-toolbar-timer')).toBe('0:01:05');
    expect(toggle?.textContent).toBe('Start');
    root.querySelector<HTMLButtonElement>('[aria-label="Notizen größer"]')?.click();
    expect(root.style.getPropertyValue('--vs-notes-size')).toBe('24px');
  });

  it('names the demos of the next slide in its preview: a simulation as such, a live demo by its title', () => {
    const withDemos: Deck = {
      ...deck,
      slides: deck.slides.map((slide, i) =>
        i === 1
          ? { ...slide, html: '<h1>Uhren</h1><clocks-demo step="2"></clocks-demo><tracking-demo></tracking-demo>' }
          : slide,
      ),
    };
    navigation = new Navigation(withDemos, 0);
    const slides = new SlidesView(withDemos, navigation);
    bind(new PresenterView(root, withDemos, navigation, modes, new Timer(() => 0), new Diagrams(slides, navigation)));
    modes.set('presenter', true);
    const placeholders = [...root.querySelectorAll('.remark-preview-area .vs-demo-placeholder')];
    expect(placeholders.map((placeholder) => placeholder.textContent)).toEqual([
      'Simulation: Lamport-Uhren',
      'Tracking-Demo',
    ]);
  });
});
