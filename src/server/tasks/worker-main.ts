/** `npm run worker`: a worker process for the Redis queue; start as many as you like, anywhere. */
import { loadConfig } from '../config';
import { displayUrl } from './redis-queue';
import { TaskWorker } from './redis-worker';
import { Catalogue } from './task-catalogue';

const config = loadConfig();
if (!config.redisUrl) {
  console.error('Ein Worker braucht Redis: REDIS_URL=redis://host:6379 npm run worker');
  process.exit(2);
}

/** Tuning for demos and tests; the defaults suit real use. */
const tuning = (name: string) => Number(process.env[name]) || undefined;

const worker = new TaskWorker(await Catalogue.load(), {
  redisUrl: config.redisUrl,
  threads: config.taskThreads,
  heartbeatMs: tuning('WORKER_HEARTBEAT_MS'),
  lockDurationMs: tuning('WORKER_LOCK_MS'),
  stalledIntervalMs: tuning('WORKER_STALLED_INTERVAL_MS'),
  maxStalledCount: tuning('WORKER_MAX_STALLED'),
  queueName: config.taskQueue,
  // A real crash: no clean-up, no sign-off; the job's lock expires and another worker takes it.
  onCrash: () => process.kill(process.pid, 'SIGKILL'),
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: Worker ${worker.id} nimmt keine Jobs mehr an und beendet die laufenden`);
    void worker.close().then(() => process.exit(0));
  });
}
await worker.ready();
console.log(`Worker ${worker.id} wartet auf Jobs (${displayUrl(config.redisUrl)}, ${worker.info().capacity} Threads)`);
