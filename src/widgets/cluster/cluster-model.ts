import { presenterToken } from '../../browser/presenter-token';
import { CLUSTER_PATH, type ClusterReport, type ClusterStopReply } from '../../shared/cluster';
import type { ClusterDemoState } from '../../shared/demos';
import { postJson, refusal, request } from '../connection';
import { LiveModel } from '../failures/live-model';

/** How often the list is read: a stopped instance shows within about a second. */
export const CLUSTER_POLL_MS = 1_000;

/**
 * The cluster demo as data: reads the instances every second (through the load balancer, so
 * each read may be answered by another instance) and lets the presenter stop one.
 */
export class ClusterDemoModel extends LiveModel<ClusterDemoState> {
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(server: string, onChange: (state: ClusterDemoState) => void) {
    super(
      server,
      {
        demo: 'cluster',
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        presenter: presenterToken() !== null,
        shared: false,
        instances: [],
        served: null,
        message: '',
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    await this.refresh();
    this.#schedule();
  }

  /** Reads the list once; the instance that answered is the one serving this window now. */
  async refresh(): Promise<void> {
    const response = await request(this.server, CLUSTER_PATH);
    if (!response.ok) throw new Error(await refusal(response));
    const report = (await response.json()) as ClusterReport;
    this.set({
      shared: report.shared,
      instances: report.instances,
      served: response.headers.get('x-instance') ?? report.self,
      error: '',
    });
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.refresh().then(
        () => this.#schedule(),
        (error: unknown) => {
          this.fail(error);
          void this.start();
        },
      );
    }, CLUSTER_POLL_MS);
  }

  /** Presenter only: the instance named shuts down gracefully; its clients fail over. */
  async stop(instance: string | null = this.state.served): Promise<void> {
    if (!instance || !this.state.presenter) return;
    try {
      const answer = await postJson(this.server, `${CLUSTER_PATH}/stop`, { instance }, presenterToken());
      if (answer.status !== 202) throw new Error(await refusal(answer));
      this.set({ message: ((await answer.json()) as ClusterStopReply).message, error: '' });
    } catch (error) {
      this.fail(error);
    }
  }

  override dispose(): void {
    super.dispose();
    clearTimeout(this.#timer);
  }
}
