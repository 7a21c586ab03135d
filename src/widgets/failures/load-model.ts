import { presenterToken } from '../../browser/presenter-token';
import type { LoadDemoState } from '../../shared/demos';
import type { LoadReport, LoadRequest } from '../../shared/teach';
import { getJson, postJson, refusal } from '../connection';
import { LiveModel, pause } from './live-model';

const POLL_MS = 500;

/** Above the capacity of two workers (4 jobs/s of 0,5 s), short enough for a slide. */
export const DEFAULT_LOAD: LoadRequest = { rate: 12, durationS: 15, jobMs: 500 };

/**
 * The load demo as data: the generator's last run as the server measures it, followed every
 * half second while it runs. Only the presenter may start a run.
 */
export class LoadDemoModel extends LiveModel<LoadDemoState> {
  #following = false;

  constructor(server: string, onChange: (state: LoadDemoState) => void) {
    super(
      server,
      {
        demo: 'load',
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        presenter: presenterToken() !== null,
        request: DEFAULT_LOAD,
        report: null,
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    const report = await getJson<LoadReport>(this.server, '/api/load');
    this.set({ report: report.state === 'idle' ? null : report });
    if (report.state === 'running') void this.follow();
  }

  /** Changes one setting of the next run, kept within what the server allows. */
  configure(request: LoadRequest): void {
    this.set({ request });
  }

  /** Presenter only: starts a run of the generator with the settings shown. */
  async launch(): Promise<void> {
    try {
      const answer = await postJson(this.server, '/api/load', this.state.request, presenterToken());
      if (answer.status !== 202) throw new Error(await refusal(answer));
      this.set({ report: (await answer.json()) as LoadReport, error: '' });
      void this.follow();
    } catch (error) {
      this.fail(error);
    }
  }

  private async follow(): Promise<void> {
    if (this.#following) return;
    this.#following = true;
    try {
      while (!this.disposed) {
        await pause(POLL_MS);
        const report = await getJson<LoadReport>(this.server, '/api/load');
        this.set({ report });
        if (report.state !== 'running') return;
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.#following = false;
    }
  }
}
