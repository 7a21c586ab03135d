import type { Redis } from 'ioredis';
import { tooManyQueued, tooManySeconds, type FairShareLimits } from './fair-share';

/** A client's counts expire this long after its last new job, should an instance die holding some. */
const COUNT_TTL_MS = 15 * 60_000;

/** Checks both limits and books the job in one step, so two instances cannot both grant the last place. */
const RESERVE = `
local waiting = tonumber(redis.call('HGET', KEYS[1], 'waiting') or '0')
local seconds = tonumber(redis.call('HGET', KEYS[1], 'seconds') or '0')
if waiting >= tonumber(ARGV[2]) then return {1, waiting, tostring(seconds)} end
if seconds + tonumber(ARGV[1]) > tonumber(ARGV[3]) then return {2, waiting, tostring(seconds + tonumber(ARGV[1]))} end
redis.call('HINCRBY', KEYS[1], 'waiting', 1)
redis.call('HINCRBYFLOAT', KEYS[1], 'seconds', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {0, waiting, tostring(seconds)}
`;

/**
 * Each client's waiting jobs and declared seconds counted in Redis, so that every instance of
 * the task server grants one share per client, not one each. The order in which waiting jobs
 * are served stays per instance (FairQueue); this only decides admission.
 */
export class SharedShares {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: FairShareLimits,
  ) {
    redis.defineCommand('reserveShare', { numberOfKeys: 1, lua: RESERVE });
  }

  /** Books a new waiting job of `client`, or throws the 429 of the share it would break. */
  async reserve(client: string, seconds: number): Promise<void> {
    const reserveShare = (this.redis as Redis & { reserveShare: (...args: string[]) => Promise<unknown> }).reserveShare;
    const [verdict, waiting, booked] = (await reserveShare.call(
      this.redis,
      this.key(client),
      String(seconds),
      String(this.limits.queued),
      String(this.limits.workSeconds),
      String(COUNT_TTL_MS),
    )) as [number, number, string];
    const retryAfterS = Math.min(60, Math.max(1, Math.ceil(seconds)));
    if (verdict === 1) throw tooManyQueued(waiting, this.limits.queued, retryAfterS);
    if (verdict === 2) throw tooManySeconds(Number(booked), this.limits.workSeconds, retryAfterS);
  }

  /** The job left the waiting list (it started, or it was cancelled or refused before). */
  started(client: string): void {
    this.redis.hincrby(this.key(client), 'waiting', -1).catch(() => undefined);
  }

  /** The job's declared seconds are free again (it ended, or never ran). */
  ended(client: string, seconds: number): void {
    this.redis.hincrbyfloat(this.key(client), 'seconds', -seconds).catch(() => undefined);
  }

  private key(client: string): string {
    return `${this.prefix}share:${client}`;
  }
}
