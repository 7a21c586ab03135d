import { presenterToken } from '../../browser/presenter-token';
import type { CrashAttempt, CrashDemoState } from '../../shared/demos';
import { isFinished, type Job, type StatusResponse } from '../../shared/tasks';
import { getJson, postJson, randomHex, refusal } from '../connection';
import { LiveModel, pause } from './live-model';

/** Long enough to press the crash button while the job runs. */
export const CRASH_JOB_MS = 6_000;
const POLL_MS = 200;

/**
 * The crash demo as data: starts a `sleep` job, follows its attempts (a new one each time a
 * worker takes it), and lets the presenter kill the worker running it.
 */
export class CrashDemoModel extends LiveModel<CrashDemoState> {
  constructor(server: string, onChange: (state: CrashDemoState) => void) {
    super(
      server,
      {
        demo: 'crash',
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        presenter: presenterToken() !== null,
        job: null,
        phase: 'idle',
        attempts: [],
        result: '',
        message: '',
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    await getJson<StatusResponse>(this.server, '/api/status');
  }

  get busy(): boolean {
    return this.state.phase === 'queued' || this.state.phase === 'running';
  }

  async run(): Promise<void> {
    if (this.busy) return;
    const id = `crash-${randomHex(8)}`;
    this.set({ job: id, phase: 'queued', attempts: [], result: '', error: '', message: 'Job eingereiht …' });
    try {
      const created = await postJson(this.server, '/api/jobs', { task: 'sleep', params: { ms: CRASH_JOB_MS }, id });
      if (created.status !== 202) throw new Error(await refusal(created));
      while (!this.disposed && this.state.job === id) {
        const job = await getJson<Job>(this.server, `/api/jobs/${encodeURIComponent(id)}`);
        this.follow(job);
        if (isFinished(job)) return;
        await pause(POLL_MS);
      }
    } catch (error) {
      this.set({ phase: 'failed', message: '' });
      this.fail(error);
    }
  }

  /** Presenter only: the server kills the worker of the running job. */
  async crash(): Promise<void> {
    const { job, phase, attempts } = this.state;
    if (!job || phase !== 'running') return;
    try {
      const answer = await postJson(this.server, `/api/jobs/${encodeURIComponent(job)}/crash`, {}, presenterToken());
      if (!answer.ok) throw new Error(await refusal(answer));
      const crashed = (await answer.json()) as Job;
      this.set({
        error: '',
        attempts: attempts.map((attempt) =>
          attempt.outcome === 'running' ? { ...attempt, outcome: 'crashed' } : attempt,
        ),
        message: `Worker ${crashed.worker ?? ''} abgestürzt. Kein Ergebnis, keine Bestätigung: Der Job geht zurück in die Warteschlange.`,
      });
    } catch (error) {
      this.fail(error);
    }
  }

  reset(): void {
    if (this.busy) return;
    this.set({ job: null, phase: 'idle', attempts: [], result: '', message: '', error: '' });
  }

  /** Turns one look at the job into attempts: a new attempt number or worker means the last one crashed. */
  private follow(job: Job): void {
    const attempts: CrashAttempt[] = [...this.state.attempts];
    const last = attempts.at(-1);
    const number = job.attempts ?? 0;
    if (job.state === 'queued' && last?.outcome === 'running')
      attempts[attempts.length - 1] = { ...last, outcome: 'crashed' };
    if (number > (last?.number ?? 0) && job.worker) {
      if (last && last.outcome === 'running') attempts[attempts.length - 1] = { ...last, outcome: 'crashed' };
      attempts.push({ number, worker: job.worker, outcome: 'running' });
    }
    const current = attempts.at(-1);
    if (isFinished(job) && current) {
      attempts[attempts.length - 1] = { ...current, outcome: job.state === 'completed' ? 'completed' : 'failed' };
    }
    const phase =
      job.state === 'completed' ? 'done' : isFinished(job) ? 'failed' : job.state === 'active' ? 'running' : 'queued';
    const message =
      phase === 'done'
        ? `Fertig nach ${attempts.length} ${attempts.length === 1 ? 'Versuch' : 'Versuchen'} – und genau ein Ergebnis.`
        : phase === 'failed'
          ? `Job ${job.state}: ${job.error ?? ''}`
          : phase === 'running'
            ? `Versuch ${number} läuft auf ${job.worker ?? '…'}, ${Math.round(job.progress * 100)} %`
            : this.state.message;
    this.set({
      attempts,
      phase,
      message,
      result: job.state === 'completed' ? JSON.stringify(job.result) : '',
    });
  }
}
