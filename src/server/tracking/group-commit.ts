interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most items in one commit. */
  maxBatch?: number;
  /** Commits in flight at once; more than one pays off when a commit waits for I/O. */
  concurrency?: number;
}

/**
 * Group commit: items added while the event loop works through one batch of I/O (and while
 * all allowed commits are in flight) are committed together, in one transaction, and every
 * caller's promise settles only after that commit.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly concurrency: number;

  constructor(
    private readonly commit: (items: T[]) => R[] | Promise<R[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.concurrency = options.concurrency ?? 1;
  }

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.scheduled && this.inFlight < this.concurrency) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Settles once everything added so far is committed (or has failed). */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private flush(): void {
    while (this.queue.length > 0 && this.inFlight < this.concurrency) {
      void this.run(this.queue.splice(0, this.maxBatch));
    }
    if (this.queue.length === 0 && this.inFlight === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  private async run(batch: Pending<T, R>[]): Promise<void> {
    this.inFlight += 1;
    try {
      const results = await this.commit(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index] as R));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.inFlight -= 1;
      this.flush();
    }
  }
}
