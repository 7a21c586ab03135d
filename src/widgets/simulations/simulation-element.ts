import type { DemoElement } from '../../shared/demos';
import { adoptStyles, el } from '../../browser/dom';
import type { Layout } from './draw';
import styles from './simulations.css?inline';

/**
 * Below this width (CSS px of the element's own box, which a slide's scaling does not change) the
 * picture is drawn narrow: a slide is 1280 px wide, a phone's reading view about 360.
 */
const NARROW_BELOW = 700;

/** What every simulation state carries besides its own picture. */
export interface StepState {
  step: number;
  steps: number;
  caption: string;
}

export interface Simulation<S extends StepState> {
  title: string;
  /** The seed the slides were written for; the `seed` attribute picks another run. */
  seed: number;
  state: (step: number, seed: number) => S;
  draw: (state: S, layout: Layout) => Element;
}

function whole(text: string | null, fallback: number): number {
  const value = Number(text ?? fallback);
  return Number.isFinite(value) ? Math.trunc(value) : fallback;
}

/**
 * `<x-demo step="2" seed="7">`: the picture of a simulation at one step. The step comes from the
 * slide (one slide per step), so going back, reloading, the clone window, followers and the PDF
 * all show the same picture: state is a pure function of (step, seed). To the viewer it is a demo
 * like the live ones, with nothing to mirror and no commands.
 */
export function simulationElement<S extends StepState>(simulation: Simulation<S>): CustomElementConstructor {
  return class extends HTMLElement implements DemoElement {
    static observedAttributes = ['step', 'seed'];
    readonly #root = this.attachShadow({ mode: 'open' });
    /** Nothing to send to another window: it draws the same picture from the same slide. */
    readonly demoState = null;
    #layout: Layout = 'wide';
    readonly #resize = new ResizeObserver(([entry]) => {
      // A slide that is not shown has no width: it keeps the layout it has.
      const width = entry?.contentRect.width ?? 0;
      const layout = width > 0 && width < NARROW_BELOW ? 'narrow' : 'wide';
      if (width === 0 || layout === this.#layout) return;
      this.#layout = layout;
      this.#render();
    });

    constructor() {
      super();
      adoptStyles(this.#root, styles);
    }

    connectedCallback(): void {
      this.#render();
      this.#resize.observe(this);
    }

    disconnectedCallback(): void {
      this.#resize.disconnect();
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.#render();
    }

    /** Mirroring changes nothing: every window already shows the picture of its slide. */
    link(): void {}

    /** The demo keys have nothing to run: the slide's steps move a simulation. */
    command(): void {}

    #render(): void {
      const state = simulation.state(
        whole(this.getAttribute('step'), 0),
        whole(this.getAttribute('seed'), simulation.seed),
      );
      this.#root.replaceChildren(
        el(
          'figure',
          { class: 'simulation', 'aria-label': `Simulation: ${simulation.title}`, 'data-layout': this.#layout },
          el(
            'div',
            { class: 'head' },
            el('span', { class: 'title' }, simulation.title),
            el('span', { class: 'badge' }, 'Simulation'),
            el('span', { class: 'progress' }, `Schritt ${state.step + 1} von ${state.steps}`),
          ),
          simulation.draw(state, this.#layout),
          el('figcaption', {}, state.caption),
        ),
      );
    }
  };
}
