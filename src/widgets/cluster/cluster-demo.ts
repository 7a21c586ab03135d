import type { ClusterInstance } from '../../shared/cluster';
import { DEMO_TITLES, type ClusterDemoState, type DemoCommand } from '../../shared/demos';
import { el, withCode } from '../../browser/dom';
import { serverBase } from '../connection';
import { DemoWidget } from '../demo-widget';
import styles from '../failures/failure-demo.css?inline';
import clusterStyles from './cluster-demo.css?inline';
import { ClusterDemoModel } from './cluster-model';

const STATE: Record<ClusterInstance['state'], string> = {
  running: 'läuft',
  silent: 'antwortet nicht',
  stopped: 'angehalten',
};

interface Row {
  item: HTMLLIElement;
  state: HTMLSpanElement;
  bar: HTMLSpanElement;
  count: HTMLSpanElement;
  stop: HTMLButtonElement;
  marker: HTMLSpanElement;
}

/**
 * `<cluster-demo server="…">`: the instances of the site behind the load balancer with their
 * open connections, the one that answered this window marked; the presenter stops one and the
 * room watches its clients move to the others.
 */
export class ClusterDemo extends DemoWidget<ClusterDemoState> {
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly single = el('p', { class: 'note' });
  private readonly list = el('ul', { class: 'instances', 'aria-label': 'Instanzen' });
  private readonly note = el('p', { class: 'note' }, 'Instanzen anhalten darf nur der Vortrag (mit PRESENTER_TOKEN).');
  private readonly message = el('p', { class: 'message', role: 'status' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private model: ClusterDemoModel | undefined;
  /** One row per instance, kept across reads so a focused button stays focused. */
  private readonly rows = new Map<string, Row>();

  constructor() {
    super(
      styles + clusterStyles,
      DEMO_TITLES.cluster,
      'Im Vortrag: die Instanzen der Kurs-Website hinter dem Load-Balancer mit ihren offenen Verbindungen – eine Instanz wird angehalten, ihre Clients wechseln zu den anderen.',
    );
    this.root.append(
      this.framed(
        [el('span', { class: 'badge live' }, 'live')],
        this.status,
        this.linkBar,
        this.single,
        this.list,
        this.note,
        this.message,
        this.error,
      ),
    );
  }

  get demoState(): ClusterDemoState | null {
    return this.model?.state ?? null;
  }

  /** R reads the list now, Q stops the instance that answered this window (presenter). */
  command(command: DemoCommand): void {
    if (command === 'run') void this.model?.refresh().catch(() => undefined);
    else if (command === 'queue') void this.model?.stop();
  }

  protected startOwn(): void {
    this.model = new ClusterDemoModel(serverBase(this), (state) => this.changed(state));
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: ClusterDemoState): boolean {
    return state.instances.length > 0;
  }

  protected render(state: ClusterDemoState, mirrored: boolean): void {
    this.status.replaceChildren(...withCode(state.status));
    const alone = state.connection === 'live' && !state.shared;
    this.single.hidden = !alone;
    this.single.replaceChildren(
      ...withCode(
        `Es läuft eine Instanz (${state.served ?? '…'}), ohne Load-Balancer und ohne Redis. ` +
          'Einen Cluster mit drei Instanzen hinter nginx starten Sie mit `npm run cluster`.',
      ),
    );
    const most = Math.max(1, ...state.instances.map((instance) => instance.connections));
    const running = state.instances.filter((instance) => instance.state === 'running').length;
    const mayStop = !mirrored && state.presenter && !alone && running >= 2;
    this.list.replaceChildren(
      ...state.instances.map((instance) => {
        const row = this.row(instance.name);
        const served = instance.name === state.served;
        row.item.className = `instance ${instance.state}${served ? ' served' : ''}`;
        row.state.textContent = STATE[instance.state];
        row.bar.style.width = `${(100 * instance.connections) / most}%`;
        row.count.textContent = `${instance.connections} ${instance.connections === 1 ? 'Verbindung' : 'Verbindungen'}`;
        row.stop.disabled = !mayStop || instance.state !== 'running';
        row.stop.hidden = alone;
        row.marker.textContent = served
          ? mirrored
            ? '↑ beantwortete den Vortrag zuletzt'
            : '↑ beantwortete Sie zuletzt'
          : '';
        return row.item;
      }),
    );
    this.note.hidden = state.presenter || mirrored || alone;
    this.message.textContent = state.message;
    this.error.textContent = state.error;
  }

  private row(name: string): Row {
    const known = this.rows.get(name);
    if (known) return known;
    const state = el('span', { class: 'state' });
    const bar = el('span', { class: 'bar' });
    const count = el('span');
    const stop = el(
      'button',
      { type: 'button', class: 'danger', 'aria-label': `${name} anhalten` },
      'Instanz anhalten',
    );
    stop.addEventListener('click', () => void this.model?.stop(name));
    const marker = el('span', { class: 'marker' });
    const item = el(
      'li',
      {},
      el('span', { class: 'name' }, name, ' ', state),
      el('span', { class: 'connections' }, bar, count),
      stop,
      marker,
    );
    const row = { item, state, bar, count, stop, marker };
    this.rows.set(name, row);
    return row;
  }
}
