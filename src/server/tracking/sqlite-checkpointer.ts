import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Runs the worker below as plain JavaScript, so it loads the same way under tsx, Vitest or
 * compiled code; the driver's path comes from here.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ }
}, workerData.intervalMs);
parentPort.once('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Copies the WAL into the database file every `intervalMs` from a worker thread with its own
 * connection. A checkpoint syncs to disk and can take tens of milliseconds; done by the
 * connection that commits visits, it would stall every request waiting meanwhile.
 */
export function startCheckpointer(file: string, intervalMs: number): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  worker.unref();
  worker.on('error', (error) => console.error('SQLite-Checkpoint:', error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      // Held until it has closed its connection: else a process with nothing else to do would end first.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
