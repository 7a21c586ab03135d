import { DEMO_TITLES, OFFLINE_HINT, type DemoCommand, type DemoElement } from '../../shared/demos';
import { isFinished, type ApiError, type Job } from '../../shared/tasks';
import { randomHex, request, serverBase, ServerUnreachableError } from '../connection';
import { adoptStyles, el } from '../../browser/dom';
import { adoptShell, demoFrame, printPlaceholder } from '../shell';
import styles from './timeout-demo.css?inline';

export const JOB_MS = 5000;
export const CLIENT_TIMEOUT_MS = 2000;
const POLL_MS = 250;

const seconds = (ms: number): string => `${(ms / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s`;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `<timeout-demo server="…">`: a partial failure on the real task server. The client starts a
 * `sleep` job of 5 s and waits at most 2 s for its result (AbortController), reports the
 * failure, then asks the server with GET /api/jobs/:id whether the job ran after all.
 */
export class TimeoutDemo extends HTMLElement implements DemoElement {
  private readonly root = this.attachShadow({ mode: 'open' });
  private readonly button = el(
    'button',
    { type: 'button' },
    `Job starten (${seconds(JOB_MS)}, Timeout ${seconds(CLIENT_TIMEOUT_MS)})`,
  );
  private readonly log = el('ol', { 'aria-live': 'polite', 'aria-label': 'Ablauf' });
  private running = false;

  constructor() {
    super();
    adoptShell(this.root);
    adoptStyles(this.root, styles);
    this.button.addEventListener('click', () => this.command('run'));
    this.root.append(
      printPlaceholder(
        DEMO_TITLES.timeout,
        'Im Vortrag: Ein Job von 5 s auf dem Task-Server, der Client wartet nur 2 s – danach fragt er nach, ob der Job trotzdem lief.',
      ),
      demoFrame(DEMO_TITLES.timeout, [el('span', { class: 'badge live' }, 'live'), this.button], this.log),
    );
  }

  disconnectedCallback(): void {
    this.running = false;
  }

  /** Its run is not mirrored: each window that starts it starts its own job. */
  readonly demoState = null;

  link(): void {}

  /** The demo keys: R starts a run, Z clears the last one; queueing and batches do not apply. */
  command(command: DemoCommand): void {
    if (command === 'run') void this.run();
    else if (command === 'reset' && !this.running) {
      this.log.replaceChildren();
      this.removeAttribute('data-printable');
    }
  }

  private say(text: string, kind: 'info' | 'fehler' | 'ok' = 'info'): HTMLLIElement {
    const line = el('li', { class: kind }, text);
    this.log.append(line);
    this.setAttribute('data-printable', '');
    return line;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.button.disabled = true;
    this.log.replaceChildren();
    const server = serverBase(this);
    const id = `timeout-${randomHex(8)}`;
    try {
      if (await this.call(server, id)) await this.ask(server, id);
    } catch (error) {
      this.say(error instanceof ServerUnreachableError ? OFFLINE_HINT.replaceAll('`', '') : String(error), 'fehler');
    } finally {
      this.running = false;
      this.button.disabled = false;
    }
  }

  /** Starts the job and waits for its result, all within the client's timeout; true when it timed out. */
  private async call(server: string, id: string): Promise<boolean> {
    const signal = AbortSignal.timeout(CLIENT_TIMEOUT_MS);
    const started = performance.now();
    try {
      const created = await request(server, '/api/jobs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ task: 'sleep', params: { ms: JOB_MS }, id }),
        signal,
      });
      if (created.status !== 202) {
        const body = (await created.json().catch(() => ({}))) as Partial<ApiError>;
        this.say(`Der Server lehnt ab: ${body.message ?? `HTTP ${created.status}`}`, 'fehler');
        return false;
      }
      this.say(
        `Client: Job ${id.slice(8, 16)} gestartet, warte höchstens ${seconds(CLIENT_TIMEOUT_MS)} auf das Ergebnis …`,
      );
      for (;;) {
        const job = await this.job(server, id, signal);
        if (isFinished(job)) {
          this.say(`Antwort nach ${seconds(performance.now() - started)}: ${job.state}`, 'ok');
          return false;
        }
        await pause(POLL_MS);
      }
    } catch (error) {
      if (!signal.aborted) throw error;
      this.say(
        `Client: Timeout nach ${seconds(CLIENT_TIMEOUT_MS)} – keine Antwort, der Client meldet „fehlgeschlagen“.`,
        'fehler',
      );
      return true;
    }
  }

  /** After the timeout: asks the server until the job has ended, and says what became of it. */
  private async ask(server: string, id: string): Promise<void> {
    this.say(`Wurde er ausgeführt? Der Client fragt nach: GET /api/jobs/${id}`);
    const status = this.say('Server: …');
    while (this.running) {
      const job = await this.job(server, id);
      if (isFinished(job)) {
        status.textContent =
          job.state === 'completed'
            ? `Server: Ja – Job abgeschlossen${job.worker ? ` auf ${job.worker}` : ''} nach ${seconds(job.durationMs ?? JOB_MS)}. Die Arbeit wurde erledigt, obwohl der Client „fehlgeschlagen“ gemeldet hat.`
            : `Server: Job ${job.state}${job.error ? ` (${job.error})` : ''}.`;
        status.className = job.state === 'completed' ? 'ok' : 'fehler';
        return;
      }
      status.textContent = `Server: Job ${job.state === 'active' ? `läuft noch, ${Math.round(job.progress * 100)} %` : 'wartet'}`;
      await pause(POLL_MS);
    }
  }

  private async job(server: string, id: string, signal?: AbortSignal): Promise<Job> {
    const response = await request(server, `/api/jobs/${encodeURIComponent(id)}`, signal ? { signal } : {});
    if (!response.ok) throw new Error(`GET /api/jobs/${id}: HTTP ${response.status}`);
    return (await response.json()) as Job;
  }
}
