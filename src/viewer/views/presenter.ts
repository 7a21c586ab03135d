import type { Deck } from '../../shared/deck';
import type { Modes } from '../model/modes';
import type { Navigation } from '../model/navigation';
import { CANVAS, formatSlideNumber } from '../../shared/slide-markup';
import { paceAt, pacePlan, type PacePlan } from '../../shared/pacing';
import { formatElapsed, type Timer } from '../model/timer';
import type { Part } from '../part';
import { slideCopy } from './canvas';
import type { Diagrams } from './diagrams';
import { Scaler } from './scaler';
import { load, save } from '../storage';
import { el } from '../../browser/dom';

const NOTES_SIZE_KEY = 'vs-notes-size';

const PACE_TEXT = {
  ahead: (minutes: number) => `${minutes} min vor dem Plan`,
  'on-plan': () => 'im Plan',
  behind: (minutes: number) => `${minutes} min hinter dem Plan`,
};

/**
 * The presenter view (P): the current slide, a static preview of the next one, the notes,
 * the slide number, the elapsed timer with its buttons and a clock, and, when the deck plans
 * its time, the planned time at the end of this slide and whether the lecture is ahead or
 * behind. Built on first use.
 */
export class PresenterView implements Part {
  #parts: PresenterParts | undefined;
  #scaler: Scaler | undefined;
  #tick: ReturnType<typeof setInterval> | undefined;
  #plan: PacePlan | null | undefined;
  readonly #offs: (() => void)[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly deck: Deck,
    private readonly navigation: Navigation,
    private readonly modes: Modes,
    private readonly timer: Timer,
    private readonly diagrams: Diagrams,
  ) {}

  bind(): void {
    this.#offs.push(
      this.modes.on('change', ({ mode }) => mode === 'presenter' && this.update()),
      this.navigation.on('change', () => this.modes.has('presenter') && this.update()),
      this.timer.on('change', () => this.#parts && this.#showTime()),
    );
    this.update();
  }

  unbind(): void {
    for (const off of this.#offs.splice(0)) off();
    this.#stopTicking();
    this.#scaler?.unbind();
  }

  update(): void {
    if (!this.modes.has('presenter')) {
      this.#stopTicking();
      this.#scaler?.unbind();
      return;
    }
    const parts = (this.#parts ??= this.#build());
    this.#scaler ??= new Scaler(parts.preview, CANVAS[this.deck.options.ratio]);
    this.#scaler.bind();
    const { index, slide } = this.navigation;
    parts.number.textContent = `Folie ${formatSlideNumber('%current% / %total%', slide.number, this.deck.total)}`;
    parts.notes.innerHTML = slide.notesHtml || '<p class="vs-notes-empty">Keine Notizen zu dieser Folie.</p>';
    const next = this.navigation.slideAt(index + 1);
    const canvas = el('div', { class: 'remark-slide-scaler' });
    if (next) {
      canvas.append(slideCopy(this.deck, next));
      void this.diagrams.renderIn(canvas);
    } else {
      canvas.classList.add('vs-preview-end');
      canvas.textContent = 'Ende des Foliensatzes';
    }
    parts.previewSlide.replaceChildren(canvas);
    this.#showTime();
    this.#tick ??= setInterval(() => this.#showTime(), 1000);
  }

  #stopTicking(): void {
    clearInterval(this.#tick);
    this.#tick = undefined;
  }

  #showTime(): void {
    const parts = this.#parts;
    if (!parts) return;
    parts.timer.textContent = formatElapsed(this.timer.elapsed());
    parts.toggle.textContent = this.timer.state === 'running' ? 'Pause' : 'Start';
    parts.clock.textContent = new Date().toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
    this.#showPace(parts.pace);
  }

  #showPace(line: HTMLElement): void {
    const plan = (this.#plan ??= pacePlan(this.deck));
    line.hidden = plan === null;
    if (!plan) return;
    const pace = paceAt(plan, this.navigation.index, this.timer.elapsed());
    line.dataset.state = pace.state;
    line.title = 'Soll: geplante Zeit am Ende dieser Folie, von der geplanten Gesamtzeit';
    line.textContent =
      `Soll ${formatElapsed(pace.plannedMs)} von ${formatElapsed(plan.totalMs)} · ` +
      PACE_TEXT[pace.state](pace.minutes);
  }

  #build(): PresenterParts {
    const previewSlide = el('div', { class: 'remark-slide-container remark-visible', inert: true });
    const preview = el(
      'div',
      { class: 'remark-preview-area', role: 'region', 'aria-label': 'Nächste Folie' },
      previewSlide,
    );
    const number = el('span', { class: 'vs-presenter-number' });
    const timer = el('span', { class: 'remark-toolbar-timer', role: 'timer', 'aria-label': 'Vortragszeit' });
    const toggle = button('Start', () => this.timer.toggle());
    const clock = el('span', { class: 'vs-clock' });
    const notes = el('div', { class: 'remark-notes' });
    const pace = el('p', { class: 'vs-pace', hidden: true });
    const toolbar = el(
      'div',
      { class: 'remark-toolbar' },
      number,
      timer,
      toggle,
      button('↺', () => this.timer.reset(), 'Timer zurücksetzen'),
      clock,
      button('A−', () => this.#resizeNotes(-2), 'Notizen kleiner'),
      button('A+', () => this.#resizeNotes(2), 'Notizen größer'),
    );
    const notesArea = el(
      'div',
      { class: 'remark-notes-area', role: 'region', 'aria-label': 'Notizen' },
      toolbar,
      pace,
      notes,
    );
    this.root.append(preview, notesArea);
    this.#resizeNotes(0);
    return { preview, previewSlide, notes, number, timer, toggle, clock, pace };
  }

  #resizeNotes(step: number): void {
    const size = Math.min(48, Math.max(12, Number(load('local', NOTES_SIZE_KEY) ?? 22) + step));
    save('local', NOTES_SIZE_KEY, String(size));
    this.root.style.setProperty('--vs-notes-size', `${size}px`);
  }
}

interface PresenterParts {
  preview: HTMLElement;
  previewSlide: HTMLElement;
  notes: HTMLElement;
  number: HTMLElement;
  timer: HTMLElement;
  toggle: HTMLElement;
  clock: HTMLElement;
  pace: HTMLElement;
}

function button(text: string, onClick: () => void, label?: string): HTMLButtonElement {
  const node = el('button', { type: 'button', 'aria-label': label, title: label }, text);
  node.addEventListener('click', onClick);
  return node;
}
