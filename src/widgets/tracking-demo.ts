import { DEMO_TITLES, type DemoCommand, type TrackingDemoState } from '../shared/demos';
import { serverBase } from './connection';
import { DemoWidget } from './demo-widget';
import { el, withCode } from '../browser/dom';
import { LiveVisits } from './tracking-backend';
import { VisitsChart } from './tracking-chart';
import styles from './tracking-demo.css?inline';
import { CHART_MINUTES, TrackingDemoModel } from './tracking-model';
import { SimulatedVisits } from './tracking-simulation';

/**
 * `<tracking-demo server="…">`: sends a visit, lists the latest visits live (Server-Sent
 * Events), charts visits per minute and counts them. Without a reachable server it says so
 * and plays a simulated lecture hall, marked "Simulation", until the server is back.
 * What it shows is a TrackingDemoModel's state; this element only draws it.
 */
export class TrackingDemo extends DemoWidget<TrackingDemoState> {
  static observedAttributes = ['server'];

  private readonly badge = el('span', { class: 'badge', hidden: '' }, 'Simulation');
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly message = el('p', { class: 'message', role: 'status' });
  private readonly button = el('button', { type: 'button' }, 'Besuch senden');
  private readonly count = el('strong', {}, '0');
  private readonly chartBox = el('div', { class: 'chart', role: 'img' });
  private readonly list = el('ol', { 'aria-label': 'Letzte Besuche' });

  private model: TrackingDemoModel | undefined;
  private shown: TrackingDemoState | undefined;
  private chart: VisitsChart | undefined;
  /** The chart being loaded; replaced (and so disowned) when the element leaves the page. */
  private chartLoad: Promise<VisitsChart> | undefined;
  private frame = 0;

  constructor() {
    super(
      styles,
      DEMO_TITLES.tracking,
      'Im Vortrag: Besuche dieser Seiten, live vom Tracking-Server – ein Balkendiagramm der Besuche pro Minute ' +
        'und die neuesten Besuche mit Zeit, Netz und Seite.',
    );
    this.root.append(
      this.framed(
        [this.badge, el('div', { class: 'controls' }, this.button, el('p', {}, 'Besuche: ', this.count)), this.message],
        this.status,
        this.linkBar,
        el(
          'div',
          { class: 'body' },
          el('figure', {}, this.chartBox, el('figcaption', {}, `Besuche pro Minute, letzte ${CHART_MINUTES} Minuten`)),
          this.list,
        ),
      ),
    );
    this.button.addEventListener('click', () => this.command('run'));
  }

  get demoState(): TrackingDemoState | null {
    return this.model?.state ?? null;
  }

  attributeChangedCallback(): void {
    if (!this.model) return;
    this.stopOwn();
    this.startOwn();
  }

  /** Run and queue send a visit; reset loads the figures afresh. */
  command(command: DemoCommand): void {
    if (command === 'reset') this.model?.reset();
    else if (command !== 'batch') void this.model?.send(location.pathname, document.referrer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const load = this.chartLoad;
    this.chartLoad = undefined;
    if (this.chart) this.chart.destroy();
    else
      load?.then(
        (chart) => chart.destroy(),
        () => {},
      );
    this.chart = undefined;
  }

  protected startOwn(): void {
    const server = serverBase(this);
    this.model = new TrackingDemoModel({
      server,
      live: new LiveVisits(server),
      simulated: new SimulatedVisits(),
      onChange: (state) => this.changed(state),
    });
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: TrackingDemoState): boolean {
    return state.connection === 'live';
  }

  /** Draws at most once per frame, however many visits arrive. */
  protected render(state: TrackingDemoState, mirrored: boolean): void {
    this.shown = state;
    this.button.disabled = mirrored;
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      if (this.shown) this.draw(this.shown);
    });
  }

  private draw(state: TrackingDemoState): void {
    this.badge.hidden = state.connection !== 'simulated';
    this.status.replaceChildren(...withCode(state.status));
    this.message.textContent = state.message;
    this.count.textContent = String(state.total);
    this.list.replaceChildren(
      // The title shows a text cut short (one line per visit in the wide layout) in full.
      ...state.visits.map((visit) =>
        el(
          'li',
          {},
          el('time', { datetime: visit.at }, new Date(visit.at).toLocaleTimeString('de-DE')),
          el('span', { class: 'ip', title: visit.ip }, visit.ip),
          el('span', { class: 'page', title: visit.path }, visit.path),
        ),
      ),
    );
    const latest = state.minutes.at(-1)?.count ?? 0;
    const simulated = state.connection === 'simulated' ? ' (simuliert)' : '';
    this.chartBox.setAttribute(
      'aria-label',
      `Balkendiagramm${simulated}: Besuche pro Minute in den letzten ${CHART_MINUTES} Minuten, ` +
        `in der laufenden Minute ${latest}`,
    );
    if (this.chart) this.chart.update(state.minutes);
    else if (!this.chartLoad && state.minutes.length > 0) this.loadChart(state);
  }

  private loadChart(state: TrackingDemoState): void {
    const load = VisitsChart.create(this.chartBox, this.root, state.minutes);
    this.chartLoad = load;
    load.then(
      (chart) => {
        if (this.chartLoad !== load) return chart.destroy();
        this.chart = chart;
        if (this.shown) chart.update(this.shown.minutes);
      },
      () => {
        this.chartBox.textContent = 'Das Diagramm konnte nicht geladen werden.';
      },
    );
  }
}
