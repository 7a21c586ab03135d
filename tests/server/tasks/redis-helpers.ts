import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.log('REDIS_URL ist nicht gesetzt: die Redis-Tests des Task-Servers werden übersprungen.');

/** A queue of its own for each test run; `cleanup` removes every key it left in Redis. */
export function testQueue(): { queueName: string; cleanup: () => Promise<void> } {
  const queueName = `test-${randomUUID()}`;
  return {
    queueName,
    cleanup: async () => {
      const redis = new Redis(REDIS_URL!);
      const keys = await redis.keys(`vs:${queueName}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const workerEntry = new URL('../../../src/server/tasks/worker-main.ts', import.meta.url).pathname;

/** `npm run worker` as a child process, tuned to notice a dead worker within about a second. */
export function spawnWorker(queueName: string, redisUrl = REDIS_URL!): ChildProcess {
  return spawn(process.execPath, ['--import', tsxLoader, workerEntry], {
    env: {
      ...process.env,
      REDIS_URL: redisUrl,
      TASK_QUEUE: queueName,
      TASK_THREADS: '1',
      WORKER_HEARTBEAT_MS: '300',
      WORKER_LOCK_MS: '1500',
      WORKER_STALLED_INTERVAL_MS: '500',
      WORKER_MAX_STALLED: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A TCP proxy in front of Redis that a test can cut and restore, on the same port. */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(Number(this.target.port || 6379), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(this.port, '127.0.0.1');
    await once(server, 'listening');
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
