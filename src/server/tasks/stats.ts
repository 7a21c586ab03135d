import type { Latency } from '../../shared/tasks';

const SAMPLES_PER_TASK = 256;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Done and failed counts, and each task's run time over its recent runs. */
export class TaskStats {
  done = 0;
  failed = 0;
  private readonly samples = new Map<string, { count: number; recent: number[] }>();
  /** The last figures, until the next run: `/api/status` may be asked far more often than jobs end. */
  private figures: Record<string, Latency> | undefined;

  record(task: string, durationMs: number): void {
    this.done++;
    this.figures = undefined;
    let entry = this.samples.get(task);
    if (!entry) {
      entry = { count: 0, recent: [] };
      this.samples.set(task, entry);
    }
    entry.recent[entry.count % SAMPLES_PER_TASK] = durationMs;
    entry.count++;
  }

  recordFailure(): void {
    this.failed++;
  }

  latency(): Record<string, Latency> {
    if (this.figures) return this.figures;
    const result: Record<string, Latency> = {};
    for (const [task, { count, recent }] of this.samples) {
      const sorted = [...recent].sort((a, b) => a - b);
      const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
      result[task] = {
        count,
        meanMs: round(mean),
        p50Ms: round(percentile(sorted, 0.5)),
        p95Ms: round(percentile(sorted, 0.95)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
      };
    }
    this.figures = result;
    return result;
  }
}
