import { DEMO_TITLES, type CrashAttempt, type CrashDemoState, type DemoCommand } from '../../shared/demos';
import { serverBase } from '../connection';
import { DemoWidget } from '../demo-widget';
import { el, withCode } from '../../browser/dom';
import { CRASH_JOB_MS, CrashDemoModel } from './crash-model';
import styles from './failure-demo.css?inline';

const OUTCOME: Record<CrashAttempt['outcome'], string> = {
  running: 'läuft …',
  crashed: 'Worker abgestürzt, kein Ergebnis',
  completed: 'Ergebnis geliefert',
  failed: 'fehlgeschlagen',
};

/**
 * `<crash-demo server="…">`: a `sleep` job on the real task server; the presenter kills the
 * worker running it, the job runs again, and the list shows every attempt and the one result.
 */
export class CrashDemo extends DemoWidget<CrashDemoState> {
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly start = el('button', { type: 'button' }, `Job starten (${CRASH_JOB_MS / 1000} s)`);
  private readonly crash = el('button', { type: 'button', class: 'danger' }, 'Worker abstürzen lassen');
  private readonly note = el('p', { class: 'note' });
  private readonly attempts = el('ol', { 'aria-label': 'Versuche' });
  private readonly message = el('p', { class: 'message', role: 'status' });
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private model: CrashDemoModel | undefined;

  constructor() {
    super(
      styles,
      DEMO_TITLES.crash,
      'Im Vortrag: Ein Job läuft auf dem Task-Server, sein Worker stürzt ab – der Job läuft noch einmal und liefert genau ein Ergebnis.',
    );
    this.root.append(
      this.framed(
        [el('span', { class: 'badge live' }, 'live')],
        this.status,
        this.linkBar,
        el('div', { class: 'controls' }, this.start, this.crash),
        this.note,
        this.attempts,
        this.message,
        this.error,
      ),
    );
    this.start.addEventListener('click', () => this.command('run'));
    this.crash.addEventListener('click', () => void this.model?.crash());
  }

  get demoState(): CrashDemoState | null {
    return this.model?.state ?? null;
  }

  /** R starts a job, Q crashes its worker (presenter), Z clears a finished run. */
  command(command: DemoCommand): void {
    if (command === 'run') void this.model?.run();
    else if (command === 'queue') void this.model?.crash();
    else if (command === 'reset') this.model?.reset();
  }

  protected startOwn(): void {
    this.model = new CrashDemoModel(serverBase(this), (state) => this.changed(state));
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: CrashDemoState): boolean {
    return state.attempts.length > 0;
  }

  protected render(state: CrashDemoState, mirrored: boolean): void {
    const busy = state.phase === 'queued' || state.phase === 'running';
    this.status.replaceChildren(...withCode(state.status));
    this.start.disabled = mirrored || busy || state.connection !== 'live';
    this.crash.disabled =
      mirrored || !state.presenter || state.phase !== 'running' || state.attempts.at(-1)?.outcome !== 'running';
    this.note.textContent = state.presenter ? '' : 'Abstürzen lassen darf nur der Vortrag (mit PRESENTER_TOKEN).';
    this.note.hidden = state.presenter || mirrored;
    this.attempts.replaceChildren(
      ...state.attempts.map((attempt) =>
        el(
          'li',
          { class: attempt.outcome },
          `Versuch ${attempt.number} auf ${attempt.worker}: ${OUTCOME[attempt.outcome]}`,
          attempt.outcome === 'completed' && state.result ? ` – ${state.result}` : '',
        ),
      ),
    );
    this.message.textContent = state.message;
    this.error.textContent = state.error;
  }
}
