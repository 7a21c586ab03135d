import { DEMO_TITLES, type DemoCommand, type LoadDemoState } from '../../shared/demos';
import { LOAD_LIMITS, type LoadReport, type LoadRequest } from '../../shared/teach';
import { serverBase } from '../connection';
import { DemoWidget } from '../demo-widget';
import { el, withCode } from '../../browser/dom';
import styles from './failure-demo.css?inline';
import loadStyles from './load-demo.css?inline';
import { format, lineChart } from './load-chart';
import { loadDemoModel, type LoadDemoModel } from './load-model';

const FIELDS: { name: keyof LoadRequest; label: string }[] = [
  { name: 'rate', label: 'Jobs/s' },
  { name: 'durationS', label: 'Dauer (s)' },
  { name: 'jobMs', label: 'Job (ms)' },
];

/**
 * `<load-demo server="…">`: the presenter starts the task server's bounded load generator; the
 * demo charts queue, throughput, refusals and time in the system, and sets L = λ·W from the
 * measured λ and W beside the measured L.
 */
export class LoadDemo extends DemoWidget<LoadDemoState> {
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly inputs = new Map<keyof LoadRequest, HTMLInputElement>();
  private readonly start = el('button', { type: 'button' }, 'Last erzeugen');
  private readonly note = el('p', { class: 'note' }, 'Last erzeugen darf nur der Vortrag (mit PRESENTER_TOKEN).');
  private readonly summary = el('p', { class: 'summary', role: 'status' });
  private readonly little = el('p', { class: 'little' });
  private readonly charts = el('div', { class: 'charts' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private model: LoadDemoModel | undefined;

  constructor() {
    super(
      styles + loadStyles,
      DEMO_TITLES.load,
      'Im Vortrag: Ein Lastgenerator treibt den Task-Server über seine Kapazität – Warteschlange, Durchsatz, Ablehnungen und Verweildauer live, dazu L = λ·W aus den Messwerten.',
    );
    const fields = FIELDS.map(({ name, label }) => {
      const input = el('input', {
        type: 'number',
        name,
        min: String(LOAD_LIMITS[name].minimum),
        max: String(LOAD_LIMITS[name].maximum),
        inputmode: 'numeric',
      });
      input.addEventListener('change', () => this.configure());
      this.inputs.set(name, input);
      return el('label', {}, `${label} `, input);
    });
    this.root.append(
      this.framed(
        [el('span', { class: 'badge live' }, 'live')],
        this.status,
        this.linkBar,
        el('div', { class: 'controls' }, ...fields, this.start),
        this.note,
        this.summary,
        this.charts,
        this.little,
        this.error,
      ),
    );
    this.start.addEventListener('click', () => this.command('run'));
  }

  get demoState(): LoadDemoState | null {
    return this.model?.state ?? null;
  }

  /** R starts a run (presenter). */
  command(command: DemoCommand): void {
    if (command === 'run' && this.model?.state.presenter) void this.model.launch();
  }

  protected startOwn(): void {
    this.model = loadDemoModel(serverBase(this), (state) => this.changed(state));
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: LoadDemoState): boolean {
    return (state.report?.samples.length ?? 0) > 0;
  }

  private configure(): void {
    if (!this.model) return;
    const request = { ...this.model.state.request };
    for (const { name } of FIELDS) {
      const value = Math.round(Number(this.inputs.get(name)?.value));
      const { minimum, maximum } = LOAD_LIMITS[name];
      request[name] = Number.isFinite(value) ? Math.min(maximum, Math.max(minimum, value)) : request[name];
    }
    this.model.configure(request);
  }

  protected render(state: LoadDemoState, mirrored: boolean): void {
    const running = state.report?.state === 'running';
    this.status.replaceChildren(...withCode(state.status));
    for (const { name } of FIELDS) {
      const input = this.inputs.get(name)!;
      if (this.root.activeElement !== input) input.value = String(state.request[name]);
      input.disabled = mirrored || !state.presenter || running;
    }
    this.start.disabled = mirrored || !state.presenter || running || state.connection !== 'live';
    this.note.hidden = state.presenter || mirrored;
    this.error.textContent = state.error;
    this.drawReport(state.report);
  }

  private drawReport(report: LoadReport | null): void {
    if (!report || report.samples.length === 0) {
      this.summary.textContent = report ? 'Der Lastgenerator startet …' : 'Noch kein Lauf.';
      this.charts.replaceChildren();
      this.little.textContent = '';
      return;
    }
    const { samples, request } = report;
    const times = samples.map((sample) => sample.t);
    const refused = report.refused['429'] + report.refused['503'];
    this.summary.textContent =
      `${report.state === 'running' ? 'Läuft' : 'Fertig'}: ${format(report.elapsedS)} s, ` +
      `${request?.rate ?? 0} Jobs/s gesendet, Kapazität ${format(report.capacityPerS)} Jobs/s – ` +
      `${report.accepted} angenommen, ${report.completed} fertig, ${refused} abgelehnt ` +
      `(429: ${report.refused['429']}, 503: ${report.refused['503']})`;
    const last = samples.at(-1)!;
    const figure = (caption: string, chart: SVGSVGElement) => el('figure', {}, chart, el('figcaption', {}, caption));
    this.charts.replaceChildren(
      figure(
        `Im System (blau): ${last.inSystem}, davon wartend (orange): ${last.waiting}`,
        lineChart('Jobs im System und in der Warteschlange', times, [
          { label: 'im System', colour: '#1a5fb4', values: samples.map((sample) => sample.inSystem) },
          { label: 'wartend', colour: '#c64600', values: samples.map((sample) => sample.waiting) },
        ]),
      ),
      figure(
        `Durchsatz: ${format(last.throughput)} Jobs/s (gestrichelt: Kapazität ${format(report.capacityPerS)})`,
        lineChart(
          'Durchsatz in Jobs pro Sekunde',
          times,
          [{ label: 'Durchsatz', colour: '#1e7b34', values: samples.map((sample) => sample.throughput) }],
          report.capacityPerS,
        ),
      ),
      figure(
        `Abgelehnt (429/503): ${last.refused} je 0,5 s`,
        lineChart('Ablehnungen je halbe Sekunde', times, [
          { label: 'abgelehnt', colour: '#b3261e', values: samples.map((sample) => sample.refused) },
        ]),
      ),
      figure(
        `Verweildauer: ${format(last.latencyMs)} ms`,
        lineChart('Verweildauer in Millisekunden', times, [
          { label: 'Verweildauer', colour: '#6d28d9', values: samples.map((sample) => sample.latencyMs) },
        ]),
      ),
    );
    this.little.textContent =
      `Littles Gesetz: λ = ${format(report.arrivalPerS)} Jobs/s, W = ${format(report.meanLatencyS)} s → ` +
      `λ·W = ${format(report.arrivalPerS * report.meanLatencyS)}; gemessen L = ${format(report.meanInSystem)} Jobs im System`;
  }
}
