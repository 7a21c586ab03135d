/**
 * Sends to the server one request per address at a time: what is given while one is in flight
 * waits, and only the latest of it is sent next. A fast stream of changes (a stroke, the laser,
 * a demo) costs one request per round trip, and the server ends with the newest state.
 */
export class LatestSender {
  readonly #sending = new Set<string>();
  readonly #queued = new Map<string, () => Promise<unknown>>();

  send(address: string, request: () => Promise<unknown>): void {
    if (this.#sending.has(address)) {
      this.#queued.set(address, request);
      return;
    }
    this.#sending.add(address);
    void request()
      .catch(() => undefined)
      .finally(() => {
        this.#sending.delete(address);
        const next = this.#queued.get(address);
        if (!next) return;
        this.#queued.delete(address);
        this.send(address, next);
      });
  }
}
