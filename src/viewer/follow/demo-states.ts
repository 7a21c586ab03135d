import {
  DEMO_EVENTS,
  demoElements,
  isDemoElement,
  isDemoState,
  type DemoElement,
  type DemoState,
} from '../../shared/demos';
import type { CloneSync } from '../inputs/sync';
import type { Part } from '../part';

/** What the window does with its demos: drives them (and tells the others), or mirrors another's. */
export type DemoRole = 'driver' | 'clone' | 'follower';

export type DemoSink = (key: string, state: DemoState) => void;

/**
 * The demos of a deck, keyed by slide and place (`4-1`). The presenter's window drives: each
 * state its widgets report goes to the sinks (the cloned window, the server for followers). A
 * cloned window or a following one draws the states it receives instead of running its own;
 * a follower may detach one demo to try it alone, and re-attach it.
 */
export class DemoStates implements Part {
  #role: DemoRole = 'driver';
  readonly #received = new Map<string, DemoState>();
  readonly #detached = new Set<string>();
  readonly #sinks = new Set<DemoSink>();
  readonly #offs: (() => void)[] = [];

  constructor(
    private readonly area: HTMLElement,
    private readonly sync: CloneSync,
  ) {}

  bind(): void {
    this.area.addEventListener(DEMO_EVENTS.connected, this.#onConnected);
    this.area.addEventListener(DEMO_EVENTS.state, this.#onState);
    this.area.addEventListener(DEMO_EVENTS.link, this.#onLink);
    this.#offs.push(
      this.sync.on('demo', ({ key, state }) => this.#role === 'clone' && this.receive(key, state)),
      this.sync.on(
        'hello',
        () => this.#role === 'driver' && this.#sendAll((key, state) => this.sync.postDemo(key, state)),
      ),
      this.addSink((key, state) => this.sync.postDemo(key, state)),
    );
    if (this.sync.isClone) {
      this.#role = 'clone';
      this.sync.askForState();
    }
  }

  unbind(): void {
    this.area.removeEventListener(DEMO_EVENTS.connected, this.#onConnected);
    this.area.removeEventListener(DEMO_EVENTS.state, this.#onState);
    this.area.removeEventListener(DEMO_EVENTS.link, this.#onLink);
    for (const off of this.#offs.splice(0)) off();
  }

  /** Where a driving window's demo states go; returns the off switch. */
  addSink(sink: DemoSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  /** Sends every demo's current state to one sink (a window or follower that joins late). */
  #sendAll(sink: DemoSink): void {
    for (const element of this.#elements()) {
      const key = this.#key(element);
      if (key && element.demoState) sink(key, element.demoState);
    }
  }

  /** Sends every demo's current state to all sinks: the presenter's window goes live. */
  publishAll(): void {
    for (const sink of this.#sinks) this.#sendAll(sink);
  }

  /** Following on or off: a follower mirrors the presenter's demos, otherwise the window drives its own. */
  setFollowing(on: boolean): void {
    if (this.sync.isClone) return;
    this.#role = on ? 'follower' : 'driver';
    if (on) return;
    this.#received.clear();
    this.#detached.clear();
    for (const element of this.#elements()) element.link({ kind: 'own' });
  }

  /** A state from the driving window: drawn by the demo with that key (now, or once it is built). */
  receive(key: string, state: unknown): void {
    if (this.#role === 'driver' || !isDemoState(state)) return;
    this.#received.set(key, state);
    const element = this.#find(key);
    if (element && !this.#detached.has(key)) this.#mirror(element, state);
  }

  #mirror(element: DemoElement, state: DemoState): void {
    element.link({ kind: 'mirror', state, detachable: this.#role === 'follower' });
  }

  readonly #onConnected = (event: Event): void => {
    const element = event.target as Element;
    if (this.#role === 'driver' || !isDemoElement(element)) return;
    const key = this.#key(element);
    const state = key === undefined ? undefined : this.#received.get(key);
    if (key !== undefined && state && !this.#detached.has(key)) this.#mirror(element, state);
  };

  readonly #onState = (event: Event): void => {
    if (this.#role !== 'driver' || !isDemoElement(event.target as Element)) return;
    const key = this.#key(event.target as DemoElement);
    if (key === undefined) return;
    for (const sink of this.#sinks) sink(key, (event as CustomEvent<DemoState>).detail);
  };

  readonly #onLink = (event: Event): void => {
    const element = event.target as Element;
    const key = isDemoElement(element) ? this.#key(element) : undefined;
    if (key === undefined || this.#role !== 'follower') return;
    const state = this.#received.get(key);
    if ((event as CustomEvent<string>).detail === 'detach' || !state) {
      this.#detached.add(key);
      (element as DemoElement).link({ kind: 'detached' });
    } else {
      this.#detached.delete(key);
      this.#mirror(element as DemoElement, state);
    }
  };

  /** The slide's demos, in the order they stand. Slides not built yet have none. */
  #elements(): DemoElement[] {
    return demoElements(this.area);
  }

  #key(element: DemoElement): string | undefined {
    const container = element.closest('.remark-slide-container');
    if (!container || container.parentElement !== this.area) return undefined;
    const slide = [...this.area.children].indexOf(container);
    const place = demoElements(container).indexOf(element);
    return `${slide + 1}-${place + 1}`;
  }

  #find(key: string): DemoElement | undefined {
    const [slide, place] = key.split('-').map(Number) as [number, number];
    const container = this.area.children[slide - 1];
    return container ? demoElements(container)[place - 1] : undefined;
  }
}
