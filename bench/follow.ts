/**
 * bench:follow — 500 followers on loopback: time from a presenter's POST until the last
 * follower has the new slide, p50/p99 over 20 changes. Baseline in the same run: a bare
 * node:http server that fans the same event out to as many SSE responses, with no routing,
 * schema or token. Each server runs in its own process; this one only measures.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, request, type ServerResponse } from 'node:http';
import Fastify from 'fastify';
import { followPlugin } from '../src/server/follow/plugin';

const FOLLOWERS = Number(process.env.FOLLOWERS ?? 500);
const CHANGES = Number(process.env.CHANGES ?? 20);
const TOKEN = 'bench-token';
const DECK = 'kapitel-2';

async function serveFollow(): Promise<number> {
  const app = Fastify({ logger: false });
  await app.register(followPlugin, { presenterToken: TOKEN, decks: [DECK], streams: { perClient: FOLLOWERS } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as { port: number }).port;
}

/** The least an SSE fan-out can do: keep the responses, write the POSTed body to each. */
async function serveEcho(): Promise<number> {
  const followers = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 2000\n\n');
      followers.add(res);
      res.on('close', () => followers.delete(res));
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const text = `event: slide\ndata: ${body}\n\n`;
      for (const follower of followers) follower.write(text);
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function startServer(kind: 'follow' | 'echo'): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(import.meta.filename, ['serve', kind], { execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    child.once('message', (port) => resolve({ child, port: port as number }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

/** Opens N event streams; `waitFor(index)` resolves when every one has seen that slide. */
async function connect(port: number): Promise<{ waitFor(index: number): Promise<void>; close(): void }> {
  const seen: number[] = [];
  let waiting: { index: number; left: number; resolve: () => void } | undefined;
  const sockets: (() => void)[] = [];
  await Promise.all(
    Array.from(
      { length: FOLLOWERS },
      (_, follower) =>
        new Promise<void>((resolve, reject) => {
          const req = request({ port, host: '127.0.0.1', path: `/api/follow/${DECK}/events`, agent: false }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`follower got ${res.statusCode}`));
            res.setEncoding('utf8');
            let buffer = '';
            res.on('data', (chunk: string) => {
              buffer += chunk;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const match = /data: \{.*"index":(\d+)/.exec(buffer.slice(0, end));
                buffer = buffer.slice(end + 2);
                if (!match) continue;
                seen[follower] = Number(match[1]);
                if (waiting && seen[follower] === waiting.index && --waiting.left === 0) waiting.resolve();
              }
            });
            resolve();
          });
          req.on('error', reject);
          sockets.push(() => req.destroy());
          req.end();
        }),
    ),
  );
  return {
    waitFor: (index) => new Promise((resolve) => (waiting = { index, left: FOLLOWERS, resolve })),
    close: () => sockets.forEach((destroy) => destroy()),
  };
}

async function post(port: number, index: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/follow/${DECK}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ index }),
  });
  await response.arrayBuffer();
  return response.status;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function measure(kind: 'follow' | 'echo'): Promise<number[]> {
  const { child, port } = await startServer(kind);
  try {
    const followers = await connect(port);
    const times: number[] = [];
    for (let change = 1; change <= CHANGES + 2; change++) {
      const received = followers.waitFor(change);
      const start = performance.now();
      const status = await post(port, change);
      if (status !== 200) throw new Error(`POST answered ${status}`);
      await received;
      // The first two changes warm up the JIT and the sockets.
      if (change > 2) times.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    followers.close();
    return times.sort((a, b) => a - b);
  } finally {
    child.kill();
  }
}

if (process.argv[2] === 'serve') {
  const port = await (process.argv[3] === 'echo' ? serveEcho() : serveFollow());
  process.send?.(port);
} else {
  const rows: [string, number[]][] = [];
  for (const kind of ['echo', 'follow'] as const) rows.push([kind, await measure(kind)]);
  const [, echo] = rows[0] as [string, number[]];
  const label = { echo: 'bare node:http SSE echo', follow: 'follow plugin (Fastify)' };
  console.log(`\n${FOLLOWERS} followers on loopback, ${CHANGES} slide changes, POST → last follower received (ms)\n`);
  console.log('server                    |   p50 |   p99 |   max | p50 vs echo');
  console.log('--------------------------|-------|-------|-------|------------');
  for (const [kind, times] of rows) {
    const cells = [percentile(times, 50), percentile(times, 99), times.at(-1) as number].map((ms) =>
      ms.toFixed(1).padStart(5),
    );
    const ratio = (percentile(times, 50) / percentile(echo, 50)).toFixed(2);
    console.log(`${label[kind as keyof typeof label].padEnd(25)} | ${cells.join(' | ')} | ${ratio.padStart(10)}×`);
  }
}
