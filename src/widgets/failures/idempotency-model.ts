import type { IdempotencyDemoState, IdempotencyRun } from '../../shared/demos';
import { isFinished, type Job, type JobCreated } from '../../shared/tasks';
import { COUNTER_SLOTS, type Counter } from '../../shared/teach';
import { getJson, postJson, randomHex, refusal } from '../connection';
import { LiveModel, pause } from './live-model';

const POLL_MS = 150;
/** The runs listed; older ones drop off so the demo keeps its height on a slide. */
const KEPT_RUNS = 4;

/**
 * The idempotency demo as data: the `counter` task increments a counter on the server. The
 * client sends the request, "loses" the answer and sends the same request again, without and
 * with a job id of its own (the idempotency key); the counter shows what the retry did.
 */
export class IdempotencyDemoModel extends LiveModel<IdempotencyDemoState> {
  /** A counter of this window's own, so that other people's runs do not change its figures. */
  private readonly slot = crypto.getRandomValues(new Uint16Array(1))[0]! % COUNTER_SLOTS;

  constructor(server: string, onChange: (state: IdempotencyDemoState) => void) {
    super(
      server,
      {
        demo: 'idempotency',
        connection: 'connecting',
        status: `Verbinde mit ${server} …`,
        slot: null,
        busy: false,
        runs: [],
        error: '',
      },
      onChange,
    );
  }

  protected async probe(): Promise<void> {
    await this.count();
    this.set({ slot: this.slot });
  }

  /** Sends the request twice: the second time as a retry with the same key, or as a fresh request. */
  async send(withKey: boolean): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: true, error: '' });
    try {
      const before = await this.count();
      const body = { task: 'counter', params: { slot: this.slot }, ...(withKey ? { id: `idem-${randomHex(8)}` } : {}) };
      const run: IdempotencyRun = { withKey, before, after: null, jobs: [] };
      this.set({ runs: [...this.state.runs, run].slice(-KEPT_RUNS) });
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await postJson(this.server, '/api/jobs', body);
        if (answer.status !== 202) throw new Error(await refusal(answer));
        run.jobs.push(((await answer.json()) as JobCreated).id);
        this.#showLast({ ...run });
      }
      for (const id of new Set(run.jobs)) await this.finished(id);
      const after = await this.count();
      this.#showLast({ ...run, after });
    } catch (error) {
      this.fail(error);
    } finally {
      this.set({ busy: false });
    }
  }

  /** The run under way is always the last one listed. */
  #showLast(run: IdempotencyRun): void {
    this.set({ runs: [...this.state.runs.slice(0, -1), run] });
  }

  reset(): void {
    if (!this.state.busy) this.set({ runs: [], error: '' });
  }

  private async count(): Promise<number> {
    return (await getJson<Counter>(this.server, `/api/counters/${this.slot}`)).count;
  }

  private async finished(id: string): Promise<void> {
    while (!this.disposed) {
      if (isFinished(await getJson<Job>(this.server, `/api/jobs/${encodeURIComponent(id)}`))) return;
      await pause(POLL_MS);
    }
  }
}
