import type { JobEvent } from '../../shared/tasks';

export type JobListener = (event: JobEvent) => void;

/** Who listens to which job's events. */
export class JobWatchers {
  private readonly listeners = new Map<string, Set<JobListener>>();

  add(id: string, listener: JobListener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  has(id: string): boolean {
    return this.listeners.has(id);
  }

  emit(event: JobEvent): void {
    for (const listener of [...(this.listeners.get(event.job.id) ?? [])]) listener(event);
  }
}
