import type { ClusterInstance } from '../../shared/cluster';
import type { SharedMaps } from '../kit/fanout';

const SCOPE = 'cluster';
/** A heartbeat older than this makes an instance `silent`. */
export const SILENT_AFTER_MS = 3_000;
/** Instances not heard of for this long leave the list. */
export const FORGET_AFTER_MS = 10 * 60_000;

interface Entry {
  connections: number;
  stopped: boolean;
  startedAt: number;
  seenAt: number;
}

export interface RegistryOptions {
  maps: SharedMaps;
  name: string;
  /** This instance's open connections now. */
  connections(): Promise<number>;
  now?: () => number;
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.connections === 'number' &&
    typeof entry.seenAt === 'number' &&
    typeof entry.startedAt === 'number'
  );
}

/**
 * The instances of a deployment, each writing its own heartbeat (open connections, time) into
 * a map every instance reads: shared through Redis, or this process's alone.
 */
export class InstanceRegistry {
  readonly #now: () => number;
  readonly #startedAt: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RegistryOptions) {
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
  }

  /** Writes the heartbeat now and then every `everyMs`. */
  async start(everyMs = 1_000): Promise<void> {
    await this.beat();
    this.#timer = setInterval(() => void this.beat().catch(() => {}), everyMs).unref();
  }

  async beat(stopped = false): Promise<void> {
    const entry: Entry = {
      connections: stopped ? 0 : await this.options.connections(),
      stopped,
      startedAt: this.#startedAt,
      seenAt: this.#now(),
    };
    await this.options.maps.set(SCOPE, this.options.name, entry);
  }

  /** Shut down gracefully: the others list this instance as stopped. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.beat(true).catch(() => {});
  }

  /** Every instance heard of in the last minutes, by name; forgotten ones are removed. */
  async list(): Promise<ClusterInstance[]> {
    const now = this.#now();
    const instances: ClusterInstance[] = [];
    const forgotten: string[] = [];
    for (const [name, value] of await this.options.maps.entries(SCOPE)) {
      if (!isEntry(value) || now - value.seenAt > FORGET_AFTER_MS) {
        forgotten.push(name);
        continue;
      }
      instances.push({
        name,
        connections: value.connections,
        state: value.stopped ? 'stopped' : now - value.seenAt > SILENT_AFTER_MS ? 'silent' : 'running',
        startedAt: new Date(value.startedAt).toISOString(),
        seenAt: new Date(value.seenAt).toISOString(),
      });
    }
    if (forgotten.length > 0) await this.options.maps.remove(SCOPE, forgotten);
    return instances.sort((a, b) => a.name.localeCompare(b.name, 'de', { numeric: true }));
  }
}
