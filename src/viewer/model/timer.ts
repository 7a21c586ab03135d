import { Emitter } from '../../browser/emitter';

export type TimerState = 'idle' | 'running' | 'paused';

/** What a timer needs to survive a reload (wall-clock based, so it keeps counting meanwhile). */
export interface TimerSnapshot {
  accumulated: number;
  startedAt: number | null;
}

/** The presenter's elapsed-time timer: idle → running ⇄ paused; reset goes back to zero. */
export class Timer extends Emitter<{ change: TimerState }> {
  #accumulated = 0;
  #startedAt: number | null = null;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  #state: TimerState = 'idle';

  get state(): TimerState {
    return this.#state;
  }

  elapsed(): number {
    return this.#accumulated + (this.#startedAt === null ? 0 : this.now() - this.#startedAt);
  }

  start(): void {
    if (this.#startedAt !== null) return;
    this.#startedAt = this.now();
    this.#state = 'running';
    this.emit('change', this.state);
  }

  pause(): void {
    if (this.#startedAt === null) return;
    this.#accumulated = this.elapsed();
    this.#startedAt = null;
    this.#state = 'paused';
    this.emit('change', this.state);
  }

  toggle(): void {
    if (this.#startedAt === null) this.start();
    else this.pause();
  }

  /** Back to 0:00:00; a running timer keeps running from zero. */
  reset(): void {
    this.#accumulated = 0;
    if (this.#startedAt !== null) this.#startedAt = this.now();
    else this.#state = 'idle';
    this.emit('change', this.state);
  }

  snapshot(): TimerSnapshot {
    return { accumulated: this.#accumulated, startedAt: this.#startedAt };
  }

  restore(snapshot: TimerSnapshot): void {
    this.#accumulated = Math.max(0, snapshot.accumulated);
    this.#startedAt = snapshot.startedAt;
    this.#state = snapshot.startedAt !== null ? 'running' : snapshot.accumulated > 0 ? 'paused' : 'idle';
    this.emit('change', this.state);
  }
}

/** `H:MM:SS`, as remark.js shows it. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
