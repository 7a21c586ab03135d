import { OFFLINE_HINT, type DemoConnection } from '../../shared/demos';
import { ServerUnreachableError } from '../connection';

interface Common {
  connection: DemoConnection;
  status: string;
  error: string;
}

const RETRY_MS = 5_000;

/**
 * What the failure demos' models share: a state object replaced on every change, a check that
 * the server answers (retried while it does not), and errors turned into the state's German line.
 */
export abstract class LiveModel<S extends Common> {
  #state: S;
  #retry: ReturnType<typeof setTimeout> | undefined;
  protected disposed = false;

  constructor(
    protected readonly server: string,
    initial: S,
    private readonly onChange: (state: S) => void,
  ) {
    this.#state = initial;
  }

  get state(): S {
    return this.#state;
  }

  /** Asks the server once; live on an answer, else says so and tries again in a few seconds. */
  async start(): Promise<void> {
    try {
      await this.probe();
      if (this.disposed) return;
      this.set({ connection: 'live', status: `Live: verbunden mit ${this.server}` } as Partial<S>);
    } catch (error) {
      if (this.disposed) return;
      this.fail(error);
      this.#retry = setTimeout(() => void this.start(), RETRY_MS);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.#retry);
  }

  /** A request that shows the server is there; its answer may fill the state. */
  protected abstract probe(): Promise<void>;

  protected set(patch: Partial<S>): void {
    if (this.disposed) return;
    this.#state = { ...this.#state, ...patch };
    this.onChange(this.#state);
  }

  protected fail(error: unknown): void {
    if (error instanceof ServerUnreachableError) {
      this.set({ connection: 'connecting', status: OFFLINE_HINT, error: '' } as Partial<S>);
    } else this.set({ error: error instanceof Error ? error.message : String(error) } as Partial<S>);
  }
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
