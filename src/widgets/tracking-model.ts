import { OFFLINE_HINT, type TrackingDemoState } from '../shared/demos';
import { visibleText, type Visit } from '../shared/tracking';
import { ServerUnreachableError } from './connection';
import type { TrackingBackend } from './tracking-backend';

/** Newest visits listed: few enough that the widget fits on a slide below a heading. */
export const LIST_LENGTH = 6;
export const CHART_MINUTES = 30;
const RETRY_MS = 10_000;
const SHIFT_MS = 15_000;
const MINUTE = 60_000;

export interface TrackingModelOptions {
  server: string;
  live: TrackingBackend;
  simulated: TrackingBackend;
  onChange(state: TrackingDemoState): void;
  now?: () => number;
}

/**
 * The tracking demo as data: the visit count, visits per minute over the last half hour and
 * the newest visits, from the tracking server or, when it cannot be reached, a simulation.
 */
export class TrackingDemoModel {
  #state: TrackingDemoState;
  #backend: TrackingBackend;
  #unsubscribe: (() => void) | undefined;
  #retry: ReturnType<typeof setInterval> | undefined;
  readonly #clock: ReturnType<typeof setInterval>;
  #attempt = 0;
  readonly #now: () => number;

  constructor(private readonly options: TrackingModelOptions) {
    this.#now = options.now ?? Date.now;
    this.#backend = options.live;
    this.#state = {
      demo: 'tracking',
      connection: 'connecting',
      status: `Verbinde mit ${options.server} …`,
      message: '',
      total: 0,
      minutes: [],
      visits: [],
    };
    this.#clock = setInterval(() => this.#set({ minutes: this.#window(this.#state.minutes) }), SHIFT_MS);
  }

  get state(): TrackingDemoState {
    return this.#state;
  }

  async start(): Promise<void> {
    const attempt = ++this.#attempt;
    this.#unsubscribe?.();
    try {
      const start = await this.options.live.load(CHART_MINUTES, LIST_LENGTH);
      if (attempt !== this.#attempt) return;
      clearInterval(this.#retry);
      this.#retry = undefined;
      this.#backend = this.options.live;
      this.#set({
        connection: 'live',
        status: `Live: verbunden mit ${this.options.server}`,
        total: start.total,
        minutes: this.#window(start.minutes),
        visits: start.visits.slice(0, LIST_LENGTH).map(shown),
      });
      this.#listen(start.visits[0]?.id ?? 0);
    } catch (error) {
      if (attempt === this.#attempt) await this.#simulate(error);
    }
  }

  dispose(): void {
    this.#attempt += 1;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearInterval(this.#retry);
    clearInterval(this.#clock);
  }

  async send(path: string, referrer: string): Promise<void> {
    try {
      this.#set({ message: await this.#backend.send(path, referrer) });
    } catch (error) {
      if (error instanceof ServerUnreachableError) await this.#simulate(error);
    }
  }

  /** Loads the figures afresh and forgets the last answer. */
  reset(): void {
    this.#set({ message: '' });
    void this.start();
  }

  #listen(after: number): void {
    const attempt = this.#attempt;
    this.#unsubscribe = this.#backend.subscribe(after, {
      visit: (visit) => this.#add(visit),
      cleared: () => this.#set({ total: 0, visits: [], minutes: this.#state.minutes.map((m) => ({ ...m, count: 0 })) }),
      broken: () => void this.#check(attempt),
    });
  }

  /** The feed broke: if the server is gone, switch to the simulation; else EventSource retries. */
  async #check(attempt: number): Promise<void> {
    if (await this.options.live.reachable()) return;
    if (attempt === this.#attempt && this.#state.connection === 'live')
      await this.#simulate(new ServerUnreachableError(this.options.server));
  }

  async #simulate(error: unknown): Promise<void> {
    const reason =
      error instanceof ServerUnreachableError
        ? OFFLINE_HINT
        : `Der Server ${this.options.server} antwortet nicht wie erwartet (${(error as Error).message}).`;
    const status = `${reason} Gezeigt wird eine Simulation.`;
    this.#retry ??= setInterval(() => void this.#retryLive(), RETRY_MS);
    if (this.#state.connection === 'simulated') return this.#set({ status });
    this.#unsubscribe?.();
    this.#backend = this.options.simulated;
    const start = await this.#backend.load(CHART_MINUTES, LIST_LENGTH);
    this.#set({ connection: 'simulated', status, total: 0, minutes: this.#window(start.minutes), visits: [] });
    this.#listen(0);
  }

  async #retryLive(): Promise<void> {
    if (await this.options.live.reachable()) await this.start();
  }

  #add(visit: Visit): void {
    const start = Math.floor(Date.parse(visit.at) / MINUTE) * MINUTE;
    const minutes = this.#state.minutes.map((minute) =>
      minute.start === start ? { ...minute, count: minute.count + 1 } : minute,
    );
    if (!minutes.some((minute) => minute.start === start) && start > (minutes.at(-1)?.start ?? 0))
      minutes.push({ start, count: 1 });
    this.#set({
      total: this.#state.total + 1,
      minutes: this.#window(minutes),
      visits: [shown(visit), ...this.#state.visits].slice(0, LIST_LENGTH),
    });
  }

  /** The last CHART_MINUTES minutes, the current one included. */
  #window(minutes: TrackingDemoState['minutes']): TrackingDemoState['minutes'] {
    const current = Math.floor(this.#now() / MINUTE) * MINUTE;
    const first = current - (CHART_MINUTES - 1) * MINUTE;
    const counts = new Map(minutes.map((minute) => [minute.start, minute.count]));
    return Array.from({ length: CHART_MINUTES }, (_, index) => {
      const start = first + index * MINUTE;
      return { start, count: counts.get(start) ?? 0 };
    });
  }

  #set(change: Partial<TrackingDemoState>): void {
    this.#state = { ...this.#state, ...change };
    this.options.onChange(this.#state);
  }
}

function shown(visit: Visit): TrackingDemoState['visits'][number] {
  return { at: visit.at, ip: visibleText(visit.ip), path: visibleText(visit.path) };
}
