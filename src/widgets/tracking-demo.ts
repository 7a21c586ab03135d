import { OFFLINE_HINT } from '../shared/demos';
import { visibleText, type Visit, type VisitPage, type VisitStats } from '../shared/tracking';
import { request, serverBase, ServerUnreachableError } from './connection';
import styles from './tracking-demo.css?inline';
import { VisitsChart, type MinuteCount } from './tracking-chart';
import { SimulatedRun } from './tracking-simulation';
import { adoptStyles, el } from './dom';

/** Newest visits listed: few enough that the widget fits on a slide below a heading. */
const LIST_LENGTH = 6;
const CHART_MINUTES = 30;
const RETRY_MS = 10_000;
const MINUTE = 60_000;

type Mode = 'connecting' | 'live' | 'simulation';

/** Text with `code` spans (as in OFFLINE_HINT) as nodes: the code parts in <code>. */
function withCode(text: string): (Node | string)[] {
  return text.split('`').map((part, index) => (index % 2 === 1 ? el('code', {}, part) : part));
}

async function json<T>(server: string, path: string): Promise<T> {
  const response = await request(server, path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * `<tracking-demo server="…">`: sends a visit, lists the latest visits live (Server-Sent
 * Events), charts visits per minute and counts them. Without a reachable server it says so
 * and plays a simulated lecture hall, marked "Simulation", until the server is back.
 */
export class TrackingDemo extends HTMLElement {
  static observedAttributes = ['server'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly badge = el('span', { class: 'badge', hidden: '' }, 'Simulation');
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly message = el('p', { class: 'message', role: 'status' });
  private readonly button = el('button', { type: 'button' }, 'Besuch senden');
  private readonly count = el('strong', {}, '0');
  private readonly chartBox = el('div', { class: 'chart', role: 'img' });
  private readonly list = el('ol', { 'aria-label': 'Letzte Besuche' });

  private mode: Mode = 'connecting';
  private server = '';
  private total = 0;
  private minutes: MinuteCount[] = [];
  private chart: VisitsChart | undefined;
  /** The chart being loaded; replaced (and so disowned) when the element leaves the page. */
  private chartLoad: Promise<VisitsChart> | undefined;
  private frame = 0;
  private events: EventSource | undefined;
  private readonly simulation = new SimulatedRun((visit) => this.add(visit));
  private retry: ReturnType<typeof setInterval> | undefined;
  private clock: ReturnType<typeof setInterval> | undefined;
  /** Bumped on every (re)connect, so answers to an older attempt are ignored. */
  private attempt = 0;

  constructor() {
    super();
    adoptStyles(this.root, styles);
    this.root.append(
      el(
        'div',
        { class: 'demo', role: 'group', 'aria-labelledby': 'title' },
        el(
          'div',
          { class: 'head' },
          el('span', { id: 'title', class: 'title' }, 'Tracking-Demo'),
          this.badge,
          el('div', { class: 'controls' }, this.button, el('p', {}, 'Besuche: ', this.count)),
          this.message,
        ),
        this.status,
        el(
          'div',
          { class: 'body' },
          el('figure', {}, this.chartBox, el('figcaption', {}, `Besuche pro Minute, letzte ${CHART_MINUTES} Minuten`)),
          this.list,
        ),
      ),
    );
    this.button.addEventListener('click', () => void this.send());
  }

  connectedCallback(): void {
    this.clock = setInterval(() => this.shiftMinutes(), 15_000);
    void this.connect();
  }

  disconnectedCallback(): void {
    this.attempt += 1;
    this.stopLive();
    this.stopSimulation();
    clearInterval(this.clock);
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

  attributeChangedCallback(): void {
    if (this.isConnected) void this.connect();
  }

  private async connect(): Promise<void> {
    const attempt = ++this.attempt;
    this.server = serverBase(this);
    this.stopLive();
    this.mode = 'connecting';
    this.status.textContent = `Verbinde mit ${this.server} …`;
    try {
      const [stats, page] = await Promise.all([
        json<VisitStats>(this.server, '/api/visits/stats?bucket=minute'),
        json<VisitPage>(this.server, `/api/visits?limit=${LIST_LENGTH}`),
      ]);
      if (attempt !== this.attempt) return;
      this.goLive(stats, page);
    } catch (error) {
      if (attempt === this.attempt) this.simulate(error);
    }
  }

  private goLive(stats: VisitStats, page: VisitPage): void {
    this.stopSimulation();
    this.mode = 'live';
    this.badge.hidden = true;
    this.status.textContent = `Live: verbunden mit ${this.server}`;
    this.total = stats.total;
    this.minutes = stats.counts
      .slice(-CHART_MINUTES)
      .map((bucket) => ({ start: Date.parse(bucket.start), count: bucket.count }));
    this.list.replaceChildren(...page.visits.map((visit) => this.item(visit)));
    this.redraw();
    const newest = page.visits[0]?.id ?? 0;
    const events = new EventSource(`${this.server}/api/visits/stream?after=${newest}`);
    events.addEventListener('visit', (event) => this.add(JSON.parse((event as MessageEvent<string>).data)));
    events.addEventListener('cleared', () => this.clear());
    events.addEventListener('error', () => void this.checkServer());
    this.events = events;
  }

  /** The stream broke: if the server is gone, switch to the simulation; else EventSource retries. */
  private async checkServer(): Promise<void> {
    const attempt = this.attempt;
    try {
      await request(this.server, '/api/visits/status');
    } catch (error) {
      if (attempt === this.attempt && this.mode === 'live') this.simulate(error);
    }
  }

  private simulate(error: unknown): void {
    const reason =
      error instanceof ServerUnreachableError
        ? withCode(OFFLINE_HINT)
        : [`Der Server ${this.server} antwortet nicht wie erwartet (${(error as Error).message}).`];
    this.status.replaceChildren(...reason, ' Gezeigt wird eine Simulation.');
    if (this.mode === 'simulation') return;
    this.stopLive();
    this.mode = 'simulation';
    this.badge.hidden = false;
    this.total = 0;
    this.minutes = this.simulation.history(CHART_MINUTES);
    this.list.replaceChildren();
    this.redraw();
    this.simulation.start();
    this.retry ??= setInterval(() => void this.retryLive(), RETRY_MS);
  }

  private async retryLive(): Promise<void> {
    try {
      await request(this.server, '/api/visits/status');
    } catch {
      return; // Still unreachable: the simulation goes on.
    }
    await this.connect();
  }

  private async send(): Promise<void> {
    const visit = { path: location.pathname, referrer: document.referrer };
    if (this.mode !== 'live') {
      this.add(this.simulation.visit(visit.path, visit.referrer));
      this.message.textContent = 'Simulierter Besuch hinzugefügt.';
      return;
    }
    try {
      // text/plain, like navigator.sendBeacon: no CORS preflight when the server is elsewhere.
      const response = await request(this.server, '/api/visits', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(visit),
      });
      this.message.textContent = await this.describe(response);
    } catch (error) {
      if (error instanceof ServerUnreachableError) this.simulate(error);
    }
  }

  private async describe(response: Response): Promise<string> {
    if (response.status === 201) return 'Besuch gespeichert.';
    if (response.status === 202) return 'Nicht gezählt: der Server hält diesen Browser für einen Bot.';
    if (response.status === 429) {
      const seconds = response.headers.get('retry-after') ?? '1';
      return `Zu viele Besuche in kurzer Zeit – bitte in ${seconds} s noch einmal.`;
    }
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    return `Der Server hat den Besuch abgelehnt (HTTP ${response.status}): ${body.message ?? ''}`;
  }

  private add(visit: Visit): void {
    this.total += 1;
    const start = Math.floor(Date.parse(visit.at) / MINUTE) * MINUTE;
    const bucket = this.minutes.find((minute) => minute.start === start);
    if (bucket) bucket.count += 1;
    else if (start > (this.minutes.at(-1)?.start ?? 0)) this.minutes.push({ start, count: 1 });
    this.list.prepend(this.item(visit));
    while (this.list.children.length > LIST_LENGTH) this.list.lastElementChild?.remove();
    this.shiftMinutes();
  }

  private clear(): void {
    this.total = 0;
    this.list.replaceChildren();
    for (const minute of this.minutes) minute.count = 0;
    this.redraw();
  }

  private item(visit: Visit): HTMLLIElement {
    const at = new Date(visit.at);
    const ip = visibleText(visit.ip);
    const path = visibleText(visit.path);
    // The title shows a text cut short (one line per visit in the wide layout) in full.
    return el(
      'li',
      {},
      el('time', { datetime: visit.at }, at.toLocaleTimeString('de-DE')),
      el('span', { class: 'ip', title: ip }, ip),
      el('span', { class: 'page', title: path }, path),
    );
  }

  /** Keeps the chart at the last CHART_MINUTES minutes, the current one included. */
  private shiftMinutes(): void {
    const current = Math.floor(Date.now() / MINUTE) * MINUTE;
    const first = current - (CHART_MINUTES - 1) * MINUTE;
    const counts = new Map(this.minutes.map((minute) => [minute.start, minute.count]));
    this.minutes = Array.from({ length: CHART_MINUTES }, (_, index) => {
      const start = first + index * MINUTE;
      return { start, count: counts.get(start) ?? 0 };
    });
    this.redraw();
  }

  /** Draws at most once per frame, however many visits arrive. */
  private redraw(): void {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    this.count.textContent = String(this.total);
    const latest = this.minutes.at(-1)?.count ?? 0;
    const simulated = this.mode === 'simulation' ? ' (simuliert)' : '';
    this.chartBox.setAttribute(
      'aria-label',
      `Balkendiagramm${simulated}: Besuche pro Minute in den letzten ${CHART_MINUTES} Minuten, ` +
        `in der laufenden Minute ${latest}`,
    );
    if (this.chart) this.chart.update(this.minutes);
    else if (!this.chartLoad) this.loadChart();
  }

  private loadChart(): void {
    const load = VisitsChart.create(this.chartBox, this.root, this.minutes);
    this.chartLoad = load;
    load.then(
      (chart) => {
        if (this.chartLoad !== load) return;
        this.chart = chart;
        chart.update(this.minutes);
      },
      () => {
        this.chartBox.textContent = 'Das Diagramm konnte nicht geladen werden.';
      },
    );
  }

  private stopLive(): void {
    this.events?.close();
    this.events = undefined;
  }

  private stopSimulation(): void {
    this.simulation.stop();
    clearInterval(this.retry);
    this.retry = undefined;
  }
}
