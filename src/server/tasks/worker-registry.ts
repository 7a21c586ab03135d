import type { Redis } from 'ioredis';
import type { WorkerInfo } from '../../shared/tasks';
import type { QueueKeys } from './redis-queue';

/** A worker as it announces itself: its running jobs with their clients, which `/api/status` shows to no one else. */
export interface RegisteredWorker extends Omit<WorkerInfo, 'running'> {
  running: { job: string; task: string; client: string }[];
}

/**
 * Worker processes announce themselves with a heartbeat: a key per worker that expires unless
 * renewed, so a killed worker drops out of the list by itself, whatever the clocks say.
 */
export class WorkerRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly keys: QueueKeys,
  ) {}

  async announce(info: RegisteredWorker, ttlMs: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.worker(info.id), JSON.stringify(info), 'PX', ttlMs)
      .sadd(this.keys.workers, info.id)
      .exec();
  }

  async remove(id: string): Promise<void> {
    await this.redis.multi().del(this.keys.worker(id)).srem(this.keys.workers, id).exec();
  }

  async list(): Promise<RegisteredWorker[]> {
    const ids = await this.redis.smembers(this.keys.workers);
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.worker(id)));
    const gone = ids.filter((_, index) => values[index] === null);
    if (gone.length > 0) await this.redis.srem(this.keys.workers, ...gone);
    return values
      .filter((value): value is string => value !== null)
      .map((value) => JSON.parse(value) as RegisteredWorker)
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
