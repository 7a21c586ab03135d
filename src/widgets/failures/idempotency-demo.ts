import { DEMO_TITLES, type DemoCommand, type IdempotencyDemoState, type IdempotencyRun } from '../../shared/demos';
import { serverBase } from '../connection';
import { DemoWidget } from '../demo-widget';
import { el, withCode } from '../../browser/dom';
import styles from './failure-demo.css?inline';
import { IdempotencyDemoModel } from './idempotency-model';

function describe(run: IdempotencyRun): string {
  const how = run.withKey ? 'Mit Schlüssel' : 'Ohne Schlüssel';
  const jobs = run.jobs.length < 2 ? '…' : new Set(run.jobs).size === 1 ? 'derselbe Job' : 'zwei Jobs';
  if (run.after === null) return `${how}: Anfrage und Wiederholung gesendet (${jobs}), Zähler ${run.before} …`;
  const delta = run.after - run.before;
  return `${how}: ${jobs}, Zähler ${run.before} → ${run.after} (+${delta})`;
}

/**
 * `<idempotency-demo server="…">`: the `counter` task on the real task server, sent twice as a
 * client does whose answer got lost – without a key it counts twice, with one key once.
 */
export class IdempotencyDemo extends DemoWidget<IdempotencyDemoState> {
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly plain = el('button', { type: 'button' }, 'Ohne Schlüssel senden');
  private readonly keyed = el('button', { type: 'button' }, 'Mit Idempotenzschlüssel senden');
  private readonly runs = el('ul', { 'aria-label': 'Versuche', 'aria-live': 'polite' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private model: IdempotencyDemoModel | undefined;

  constructor() {
    super(
      styles,
      DEMO_TITLES.idempotency,
      'Im Vortrag: Dieselbe Anfrage zweimal an den Task-Server – ohne Schlüssel zählt der Zähler zweimal, mit Schlüssel einmal.',
    );
    this.root.append(
      this.framed(
        [el('span', { class: 'badge live' }, 'live')],
        this.status,
        this.linkBar,
        el(
          'p',
          { class: 'note' },
          'Jede Anfrage erhöht einen Zähler auf dem Server. Die erste Antwort geht verloren, der Client wiederholt die Anfrage.',
        ),
        el('div', { class: 'controls' }, this.plain, this.keyed),
        this.runs,
        this.error,
      ),
    );
    this.plain.addEventListener('click', () => this.command('run'));
    this.keyed.addEventListener('click', () => this.command('queue'));
  }

  get demoState(): IdempotencyDemoState | null {
    return this.model?.state ?? null;
  }

  /** R sends without a key, Q with one, Z clears the list. */
  command(command: DemoCommand): void {
    if (command === 'run') void this.model?.send(false);
    else if (command === 'queue') void this.model?.send(true);
    else if (command === 'reset') this.model?.reset();
  }

  protected startOwn(): void {
    this.model = new IdempotencyDemoModel(serverBase(this), (state) => this.changed(state));
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: IdempotencyDemoState): boolean {
    return state.runs.some((run) => run.after !== null);
  }

  protected render(state: IdempotencyDemoState, mirrored: boolean): void {
    this.status.replaceChildren(...withCode(state.status));
    for (const button of [this.plain, this.keyed])
      button.disabled = mirrored || state.busy || state.connection !== 'live';
    this.runs.replaceChildren(
      ...state.runs.map((run) =>
        el('li', { class: run.after === null ? '' : run.after - run.before > 1 ? 'fehler' : 'ok' }, describe(run)),
      ),
    );
    this.error.textContent = state.error;
  }
}
