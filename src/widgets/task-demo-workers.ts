import type { Job, JobState, WorkerInfo } from '../shared/tasks';
import { el } from './dom';
import { scrollRegion } from './task-demo-scroll';

const RECENT_JOBS = 8;

export const STATE_NAMES: Record<JobState, string> = {
  queued: 'wartet',
  active: 'läuft',
  completed: 'fertig',
  failed: 'fehlgeschlagen',
  cancelled: 'abgebrochen',
};

export function shortId(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}

/** Which worker is online and what it runs, and where the widget's recent jobs went. */
export class WorkerBoard {
  readonly element: HTMLElement;
  private readonly caption = el('caption', {}, 'Worker online');
  private readonly rows = el('tbody');
  private readonly jobList = el('ol', { class: 'jobs', 'aria-label': 'Zuletzt eingereihte Jobs' });
  private readonly jobs = new Map<string, Job>();

  constructor() {
    const header = el(
      'tr',
      {},
      ...['Worker', 'Rechner', 'PID', 'Laufende Jobs'].map((name) => el('th', { scope: 'col' }, name)),
    );
    this.element = scrollRegion(
      'workers',
      'Worker und Jobs',
      el('table', {}, this.caption, el('thead', {}, header), this.rows),
      this.jobList,
    );
  }

  /** Unfinished jobs, to be looked up again. */
  pending(): string[] {
    return [...this.jobs.values()]
      .filter((job) => job.state === 'queued' || job.state === 'active')
      .map((job) => job.id);
  }

  showWorkers(workers: WorkerInfo[], simulated: boolean): void {
    this.caption.textContent = `Worker online: ${workers.length}${simulated ? ' (simuliert)' : ''}`;
    this.rows.replaceChildren(
      ...workers.map((worker) =>
        el(
          'tr',
          { class: worker.busy ? 'busy' : '' },
          el('th', { scope: 'row' }, worker.id),
          el('td', {}, worker.host),
          el('td', {}, String(worker.pid)),
          el(
            'td',
            {},
            worker.running.length === 0
              ? 'frei'
              : worker.running
                  .map((running) => (running.job ? `${running.task} (Job ${shortId(running.job)})` : running.task))
                  .join(', '),
          ),
        ),
      ),
    );
  }

  showJob(job: Job): void {
    this.jobs.delete(job.id);
    this.jobs.set(job.id, job);
    while (this.jobs.size > RECENT_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.jobList.replaceChildren(
      ...[...this.jobs.values()].reverse().map((recent) => {
        const where = recent.worker ? ` auf ${recent.worker}` : '';
        const progress = recent.state === 'active' ? ` · ${Math.round(recent.progress * 100)} %` : '';
        return el(
          'li',
          { class: recent.state },
          `Job ${shortId(recent.id)} · ${recent.task} · ${STATE_NAMES[recent.state]}${where}${progress}`,
        );
      }),
    );
  }
}
