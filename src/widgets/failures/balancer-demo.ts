import { el, withCode } from '../../browser/dom';
import { DEMO_TITLES, type BalancerDemoState, type DemoCommand } from '../../shared/demos';
import { BALANCING_ALGORITHMS, type BalanceReport, type BalancingAlgorithm } from '../../shared/teach';
import { serverBase } from '../connection';
import { DemoWidget } from '../demo-widget';
import { balancerDemoModel, type BalancerDemoModel } from './balancer-model';
import balancerStyles from './balancer-demo.css?inline';
import styles from './failure-demo.css?inline';

const ALGORITHM_NAMES: Record<BalancingAlgorithm, string> = {
  'round-robin': 'Round Robin',
  'least-connections': 'Least Connections',
  weighted: 'Gewichtet (3 : 2 : 1)',
  'ip-hash': 'IP-Hash',
};

/** A bar of the given width in percent, set through CSSOM (the site's CSP allows no style attributes). */
function bar(percent: number): HTMLSpanElement {
  const span = el('span', { class: 'bar' });
  span.style.width = `${percent}%`;
  return span;
}

/**
 * `<balancer-demo server="…">`: the presenter picks an algorithm, the task server's balancer
 * hands real jobs to three workers of different speed, and the table counts per worker.
 */
export class BalancerDemo extends DemoWidget<BalancerDemoState> {
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly algorithm = el(
    'select',
    { name: 'algorithm' },
    ...BALANCING_ALGORITHMS.map((name) => el('option', { value: name }, ALGORITHM_NAMES[name])),
  );
  private readonly start = el('button', { type: 'button' }, 'Jobs verteilen');
  private readonly note = el('p', { class: 'note' }, 'Jobs verteilen darf nur der Vortrag (mit PRESENTER_TOKEN).');
  private readonly summary = el('p', { class: 'summary', role: 'status' });
  private readonly rows = el('tbody');
  private readonly table = el(
    'table',
    {},
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Worker', 'Tempo', 'Jobs', 'fertig', 'in Arbeit', 'Ø Zeit'].map((text) => el('th', { scope: 'col' }, text)),
      ),
    ),
    this.rows,
  );
  private readonly sequence = el('p', { class: 'sequence' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private model: BalancerDemoModel | undefined;

  constructor() {
    super(
      styles + balancerStyles,
      DEMO_TITLES.balancer,
      'Im Vortrag: Ein Verteiler gibt echte Jobs an drei Worker verschiedener Geschwindigkeit – je nach Algorithmus bekommt jeder Worker andere viele.',
    );
    this.root.append(
      el(
        'div',
        { class: 'demo', role: 'group', 'aria-labelledby': 'title' },
        el(
          'div',
          { class: 'head' },
          el('span', { id: 'title', class: 'title' }, 'Lastverteilung auf echte Jobs'),
          el('span', { class: 'badge' }, 'live'),
        ),
        this.status,
        this.linkBar,
        el('div', { class: 'controls' }, el('label', {}, 'Algorithmus ', this.algorithm), this.start),
        this.note,
        this.summary,
        this.table,
        this.sequence,
        this.error,
      ),
    );
    this.algorithm.addEventListener('change', () =>
      this.model?.configure({ ...this.model.state.request, algorithm: this.algorithm.value as BalancingAlgorithm }),
    );
    this.start.addEventListener('click', () => this.command('run'));
  }

  get demoState(): BalancerDemoState | null {
    return this.model?.state ?? null;
  }

  /** R distributes the jobs (presenter). */
  command(command: DemoCommand): void {
    if (command === 'run' && this.model?.state.presenter) void this.model.launch();
  }

  protected startOwn(): void {
    this.model = balancerDemoModel(serverBase(this), (state) => this.changed(state));
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: BalancerDemoState): boolean {
    return state.report !== null;
  }

  protected render(state: BalancerDemoState, mirrored: boolean): void {
    const running = state.report?.state === 'running';
    this.status.replaceChildren(...withCode(state.status));
    this.algorithm.value = state.request.algorithm;
    this.algorithm.disabled = mirrored || !state.presenter || running;
    this.start.disabled = mirrored || !state.presenter || running || state.connection !== 'live';
    this.note.hidden = state.presenter || mirrored;
    this.error.textContent = state.error;
    this.drawReport(state.report);
  }

  private drawReport(report: BalanceReport | null): void {
    this.table.hidden = report === null;
    if (!report?.request) {
      this.summary.textContent = 'Noch kein Lauf.';
      this.sequence.textContent = '';
      return;
    }
    const done = report.lanes.reduce((sum, lane) => sum + lane.done, 0);
    this.summary.textContent =
      `${ALGORITHM_NAMES[report.request.algorithm]}: ${report.state === 'running' ? 'läuft' : 'fertig'}, ` +
      `${done} von ${report.request.jobs} Jobs erledigt nach ${report.elapsedS.toLocaleString('de-DE')} s`;
    const most = Math.max(1, ...report.lanes.map((lane) => lane.assigned));
    this.rows.replaceChildren(
      ...report.lanes.map((lane) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, lane.name),
          el('td', {}, `${lane.speed}×`),
          el('td', { class: 'count' }, bar((100 * lane.assigned) / most), el('span', {}, String(lane.assigned))),
          el('td', {}, String(lane.done)),
          el('td', {}, String(lane.inFlight)),
          el('td', {}, lane.done > 0 ? `${lane.meanLatencyMs.toLocaleString('de-DE')} ms` : '–'),
        ),
      ),
    );
    this.sequence.textContent = `Reihenfolge: ${report.arrivals.map((arrival) => arrival.lane).join(' ')}`;
  }
}
