import type { Redis } from 'ioredis';
import { JobConflictError } from './errors';
import { tooManyQueued, tooManySeconds, type FairShareLimits } from './fair-share';
import type { TaskCall } from './runner';

/** A client's counts expire this long after its last new job, should they ever be left behind. */
const COUNT_TTL_MS = 15 * 60_000;

/**
 * Checks both limits, books the job and keeps it in Redis in one step: two instances cannot both
 * grant the last place, and an accepted job outlives the instance that holds it.
 */
const RESERVE = `
if redis.call('HEXISTS', KEYS[2], ARGV[5]) == 1 then return {3, 0, '0'} end
local waiting = tonumber(redis.call('HGET', KEYS[1], 'waiting') or '0')
local seconds = tonumber(redis.call('HGET', KEYS[1], 'seconds') or '0')
if waiting >= tonumber(ARGV[2]) then return {1, waiting, tostring(seconds)} end
if seconds + tonumber(ARGV[1]) > tonumber(ARGV[3]) then return {2, waiting, tostring(seconds + tonumber(ARGV[1]))} end
redis.call('HINCRBY', KEYS[1], 'waiting', 1)
redis.call('HINCRBYFLOAT', KEYS[1], 'seconds', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('HSET', KEYS[2], ARGV[5], ARGV[6])
redis.call('SADD', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[4], ARGV[7])
redis.call('SET', KEYS[5], '1', 'PX', ARGV[8], 'NX')
return {0, waiting, tostring(seconds)}
`;

/** The job went to BullMQ: it no longer waits (counted once, however often this is called). */
const HANDED = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
if redis.call('SADD', KEYS[2], ARGV[1]) == 1 and redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HINCRBY', KEYS[3], 'waiting', -1)
end
return 1
`;

/** The job ended, was cancelled or never got in: its place and seconds are free (once). */
const FINISH = `
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
local handed = redis.call('SREM', KEYS[2], ARGV[1]) == 1
redis.call('SREM', KEYS[4], ARGV[1])
if redis.call('EXISTS', KEYS[3]) == 0 then return 1 end
if not handed then redis.call('HINCRBY', KEYS[3], 'waiting', -1) end
redis.call('HINCRBYFLOAT', KEYS[3], 'seconds', -tonumber(ARGV[2]))
return 1
`;

/** Takes over the jobs of a holder whose lease ran out; only one instance gets them. */
const ADOPT = `
if redis.call('EXISTS', KEYS[4]) == 1 then return {} end
local ids = redis.call('SMEMBERS', KEYS[2])
if #ids > 0 then redis.call('SUNIONSTORE', KEYS[3], KEYS[3], KEYS[2]) end
redis.call('DEL', KEYS[2])
redis.call('SREM', KEYS[1], ARGV[1])
return ids
`;

/** A job as Redis keeps it from its acceptance to its end. */
export interface HeldJob {
  id: string;
  call: TaskCall;
  cancelToken: string;
  seconds: number;
  /** An `execute` waits for it: with its server, nobody waits any more. */
  forExecute: boolean;
  createdAt: string;
  /** Given to BullMQ by its former holder. */
  handed: boolean;
}

type Scripts = Record<
  'reserveShare' | 'handedShare' | 'finishShare' | 'adoptHeld',
  (...args: string[]) => Promise<unknown>
>;

/**
 * Each client's waiting jobs and declared seconds counted in Redis, so that every instance of
 * the task server grants one share per client, not one each; and every accepted job kept there
 * until it ends. The order in which waiting jobs are served stays per instance (FairQueue), but
 * an instance that dies leaves its jobs behind: each instance renews a lease, and once a holder's
 * lease runs out another instance adopts its jobs (and settles their counts).
 */
export class SharedShares {
  private readonly scripts: Scripts;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: FairShareLimits,
    /** This instance, as holder of its jobs. */
    readonly holder: string,
    private readonly leaseMs: number,
  ) {
    redis.defineCommand('reserveShare', { numberOfKeys: 5, lua: RESERVE });
    redis.defineCommand('handedShare', { numberOfKeys: 3, lua: HANDED });
    redis.defineCommand('finishShare', { numberOfKeys: 4, lua: FINISH });
    redis.defineCommand('adoptHeld', { numberOfKeys: 4, lua: ADOPT });
    this.scripts = redis as unknown as Scripts;
  }

  /** Books and keeps a new job of `job.call.client`, or throws the 429 of the share it would break. */
  async reserve(job: Omit<HeldJob, 'handed'>): Promise<void> {
    const { client } = job.call;
    const [verdict, waiting, booked] = (await this.scripts.reserveShare.call(
      this.redis,
      this.key(`share:${client}`),
      this.key('held'),
      this.key(`holder:${this.holder}`),
      this.key('holders'),
      this.key(`lease:${this.holder}`),
      String(job.seconds),
      String(this.limits.queued),
      String(this.limits.workSeconds),
      String(COUNT_TTL_MS),
      job.id,
      JSON.stringify(job),
      this.holder,
      String(this.leaseMs),
    )) as [number, number, string];
    const retryAfterS = Math.min(60, Math.max(1, Math.ceil(job.seconds)));
    if (verdict === 1) throw tooManyQueued(waiting, this.limits.queued, retryAfterS);
    if (verdict === 2) throw tooManySeconds(Number(booked), this.limits.workSeconds, retryAfterS);
    if (verdict === 3) throw new JobConflictError(job.id);
  }

  /** The job is in BullMQ now: it no longer counts as waiting. */
  handed(id: string, client: string): void {
    this.scripts.handedShare
      .call(this.redis, this.key('held'), this.key('handed'), this.key(`share:${client}`), id)
      .catch(() => undefined);
  }

  /** The job ended, was cancelled or refused: it leaves Redis, and its counts are free again. */
  async finish(id: string, client: string, seconds: number): Promise<void> {
    await this.scripts.finishShare
      .call(
        this.redis,
        this.key('held'),
        this.key('handed'),
        this.key(`share:${client}`),
        this.key(`holder:${this.holder}`),
        id,
        String(seconds),
      )
      .catch(() => undefined);
  }

  /** Renews this instance's lease and adopts the jobs of every holder whose lease ran out. */
  async renew(): Promise<HeldJob[]> {
    await this.redis.set(this.key(`lease:${this.holder}`), '1', 'PX', this.leaseMs);
    const holders = (await this.redis.smembers(this.key('holders'))).filter((holder) => holder !== this.holder);
    if (holders.length === 0) return [];
    const alive = await this.redis.mget(holders.map((holder) => this.key(`lease:${holder}`)));
    const adopted: string[] = [];
    for (const [index, holder] of holders.entries()) {
      if (alive[index] !== null) continue;
      const ids = (await this.scripts.adoptHeld.call(
        this.redis,
        this.key('holders'),
        this.key(`holder:${holder}`),
        this.key(`holder:${this.holder}`),
        this.key(`lease:${holder}`),
        holder,
      )) as string[];
      adopted.push(...ids);
    }
    if (adopted.length === 0) return [];
    const [entries, handed] = await Promise.all([
      this.redis.hmget(this.key('held'), ...adopted),
      this.redis.smismember(this.key('handed'), ...adopted),
    ]);
    return entries.flatMap((entry, index) =>
      entry === null ? [] : [{ ...(JSON.parse(entry) as Omit<HeldJob, 'handed'>), handed: handed[index] === 1 }],
    );
  }

  /** Gives up the lease at a clean shutdown: another instance adopts what is left at once. */
  async release(): Promise<void> {
    await this.redis.del(this.key(`lease:${this.holder}`)).catch(() => undefined);
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }
}
