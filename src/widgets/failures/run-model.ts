import { presenterToken } from '../../browser/presenter-token';
import type { DemoConnection } from '../../shared/demos';
import { getJson, postJson, refusal } from '../connection';
import { LiveModel, pause } from './live-model';

/** The state of a demo whose run the presenter starts on the server. */
export interface RunDemoState<Demo extends string, Request, Report> {
  demo: Demo;
  connection: DemoConnection;
  status: string;
  presenter: boolean;
  request: Request;
  report: Report | null;
  error: string;
}

interface Run<Demo extends string, Request> {
  demo: Demo;
  /** The server's route: GET reads the last run, POST starts one. */
  path: string;
  request: Request;
  /** How often a running run is read again. */
  followMs: number;
}

/**
 * A demo as data whose run the presenter starts on the server (load generator, balancer): the
 * last run as the server reports it, followed while it runs. Only the presenter may start one.
 */
export class RunDemoModel<Demo extends string, Request, Report extends { state: string }> extends LiveModel<
  RunDemoState<Demo, Request, Report>
> {
  #following = false;

  constructor(
    server: string,
    private readonly run: Run<Demo, Request>,
    onChange: (state: RunDemoState<Demo, Request, Report>) => void,
  ) {
    super(
      server,
      {
        demo: run.demo,
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        presenter: presenterToken() !== null,
        request: run.request,
        report: null,
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    const report = await getJson<Report>(this.server, this.run.path);
    this.set({ report: report.state === 'idle' ? null : report });
    if (report.state === 'running') void this.follow();
  }

  /** Changes the settings of the next run, kept within what the server allows. */
  configure(request: Request): void {
    this.set({ request });
  }

  /** Presenter only: starts a run with the settings shown. */
  async launch(): Promise<void> {
    try {
      const answer = await postJson(this.server, this.run.path, this.state.request, presenterToken());
      if (answer.status !== 202) throw new Error(await refusal(answer));
      this.set({ report: (await answer.json()) as Report, error: '' });
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
        await pause(this.run.followMs);
        const report = await getJson<Report>(this.server, this.run.path);
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
