import { HttpError } from '../kit/errors';

/**
 * Votes one device may send per window (a changed mind counts too). Fixed windows: the map is
 * emptied at each window's end, so it holds at most the devices of one window.
 */
export class DeviceLimit {
  readonly #counts = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {
    this.#timer = setInterval(() => this.#counts.clear(), windowMs).unref();
  }

  /** Counts a vote of `device`; throws 429 past the limit. */
  take(device: string): void {
    const count = (this.#counts.get(device) ?? 0) + 1;
    this.#counts.set(device, count);
    if (count > this.max) {
      const seconds = Math.ceil(this.windowMs / 1000);
      throw new HttpError(
        429,
        `Zu viele Stimmen von diesem Gerät: höchstens ${this.max} in ${seconds} s. Bitte kurz warten.`,
        { limit: this.max },
        seconds,
      );
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
