import type { JobEvent } from '../../shared/tasks';

export type JobListener = (event: JobEvent) => void;

export interface WatchOptions {
  /** The listener waits only for the job's end (and gets nothing else), as `execute` does. */
  finishOnly?: boolean;
}

/** Who listens to which job's events. */
export class JobWatchers {
  private readonly listeners = new Map<string, Map<JobListener, WatchOptions>>();

  add(id: string, listener: JobListener, options: WatchOptions = {}): () => void {
    let entries = this.listeners.get(id);
    if (!entries) {
      entries = new Map();
      this.listeners.set(id, entries);
    }
    entries.set(listener, options);
    return () => {
      entries.delete(listener);
      if (entries.size === 0 && this.listeners.get(id) === entries) this.listeners.delete(id);
    };
  }

  has(id: string): boolean {
    return this.listeners.has(id);
  }

  /** Whether someone follows the job step by step (and so wants to know which worker took it). */
  followed(id: string): boolean {
    return [...(this.listeners.get(id)?.values() ?? [])].some((options) => !options.finishOnly);
  }

  emit(event: JobEvent): void {
    const finished = event.type === 'completed' || event.type === 'failed';
    for (const [listener, options] of [...(this.listeners.get(event.job.id) ?? [])]) {
      if (finished || !options.finishOnly) listener(event);
    }
  }
}
