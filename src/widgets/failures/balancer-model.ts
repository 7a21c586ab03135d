import type { BalancerDemoState } from '../../shared/demos';
import type { BalanceReport, BalanceRequest } from '../../shared/teach';
import { presenterToken } from '../../browser/presenter-token';
import { getJson, postJson, refusal } from '../connection';
import { LiveModel, pause } from './live-model';

const POLL_MS = 300;

export const DEFAULT_BALANCE: BalanceRequest = { algorithm: 'round-robin', jobs: 12, intervalMs: 150 };

/**
 * The balancer demo as data: the last run of the task server's balancer over three workers of
 * different speed, followed while it runs. Only the presenter may start a run.
 */
export class BalancerDemoModel extends LiveModel<BalancerDemoState> {
  #following = false;

  constructor(server: string, onChange: (state: BalancerDemoState) => void) {
    super(
      server,
      {
        demo: 'balancer',
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        presenter: presenterToken() !== null,
        request: DEFAULT_BALANCE,
        report: null,
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    const report = await getJson<BalanceReport>(this.server, '/api/balance');
    this.set({ report: report.state === 'idle' ? null : report });
    if (report.state === 'running') void this.follow();
  }

  configure(request: BalanceRequest): void {
    this.set({ request });
  }

  /** Presenter only: starts a run with the algorithm chosen. */
  async launch(): Promise<void> {
    try {
      const answer = await postJson(this.server, '/api/balance', this.state.request, presenterToken());
      if (answer.status !== 202) throw new Error(await refusal(answer));
      this.set({ report: (await answer.json()) as BalanceReport, error: '' });
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
        const report = await getJson<BalanceReport>(this.server, '/api/balance');
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
