/**
 * How many body bytes one client may have parsed per window. Parsing costs the event loop in
 * proportion to the bytes, and a request count alone does not bound it: a client sending the
 * largest body again and again is refused before its bodies are parsed, not after.
 */
export class ByteBudget {
  private spent = new Map<string, number>();
  private windowStart: number;

  constructor(
    readonly bytesPerWindow: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  /** Books `bytes` for `client`; false (and nothing booked) when its budget of this window is spent. */
  take(client: string, bytes: number): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      this.spent = new Map();
      this.windowStart = now;
    }
    const spent = (this.spent.get(client) ?? 0) + bytes;
    if (spent > this.bytesPerWindow) return false;
    this.spent.set(client, spent);
    return true;
  }

  /** Seconds until the current window ends. */
  retryAfterS(): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - this.now()) / 1000));
  }
}
