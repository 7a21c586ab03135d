import type { DemoJob, DemoWorker } from '../shared/demos';
import { el } from '../browser/dom';
import { scrollRegion } from './task-demo-scroll';
import { shortId, STATE_NAMES } from './task-model';

/** Which worker is online and what it runs, and where the demo's recent jobs went (newest first). */
export class WorkerBoard {
  readonly element: HTMLElement;
  private readonly caption = el('caption', {}, 'Worker online');
  private readonly rows = el('tbody');
  private readonly jobList = el('ul', { class: 'jobs', 'aria-label': 'Zuletzt eingereihte Jobs, neueste zuerst' });

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

  show(workers: DemoWorker[] | null, jobs: DemoJob[], simulated: boolean): void {
    this.caption.textContent = `Worker online: ${workers?.length ?? '…'}${simulated ? ' (simuliert)' : ''}`;
    this.rows.replaceChildren(
      ...(workers ?? []).map((worker) =>
        el(
          'tr',
          { class: worker.running.length > 0 ? 'busy' : '' },
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
    this.jobList.hidden = jobs.length === 0;
    this.jobList.replaceChildren(
      ...jobs.map((job) => {
        const where = job.worker ? ` auf ${job.worker}` : '';
        const progress = job.state === 'active' ? ` · ${Math.round(job.progress * 100)} %` : '';
        return el(
          'li',
          { class: job.state },
          `Job ${shortId(job.id)} · ${job.task} · ${STATE_NAMES[job.state]}${where}${progress}`,
        );
      }),
    );
  }
}
