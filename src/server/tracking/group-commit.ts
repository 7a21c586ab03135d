interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items added while the event loop works through one batch of I/O (and while
 * an asynchronous commit is in flight) are committed together, in one transaction, and
 * every caller's promise settles only after that commit.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly commit: (items: T[]) => R[] | Promise<R[]>,
    private readonly maxBatch = 1000,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Settles once everything added so far is committed (or has failed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.commit(batch.map((pending) => pending.item));
        batch.forEach((pending, index) => pending.resolve(results[index] as R));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.running = undefined;
  }
}
