/**
 * bench:hostile-streams — what 1,000 event-stream clients that stop reading cost the server.
 *
 * The server is the app of `npm start` (buildApp) in its own process. Idle RSS after a warm-up
 * is the baseline of this run. Then 500 follow and 500 visit streams connect from 63 loopback
 * addresses (16 each, the default per-client cap), read their first bytes and stop reading,
 * while visits (2 KB paths) and slide changes are published; one well-behaved follower keeps
 * reading. Reported: RSS peak above idle (target ≤ 100 MB), RSS after the clients went (target:
 * near idle), how many stalled streams the server cut, and whether the reader got every slide.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';

const STALLED = Number(process.env.STALLED ?? 1000);
const VISITS = Number(process.env.VISITS ?? 1500);
const SLIDES = Number(process.env.SLIDES ?? 3000);
const PER_ADDRESS = 16;
const TOKEN = 'bench-presenter';
const DECK = 'kapitel-2';
const MB = 1024 * 1024;

async function serve(): Promise<void> {
  const site = mkdtempSync(join(tmpdir(), 'vs-hostile-'));
  mkdirSync(join(site, 'slides', DECK), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Kurs</title>');
  writeFileSync(join(site, 'slides', DECK, 'index.html'), '<!doctype html><title>Folien</title>');
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: site,
    SITE_DIR: site,
    DATABASE_URL: '',
    REDIS_URL: '',
    PRESENTER_TOKEN: TOKEN,
    TRACKING_RATE_LIMIT: '1000000',
  });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message) => {
    if (message === 'gc') {
      globalThis.gc?.();
      process.send?.('gc-done');
    }
  });
  process.once('disconnect', () => {
    rmSync(site, { recursive: true, force: true });
    process.exit(0);
  });
  process.send?.((app.server.address() as { port: number }).port);
}

function rssOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collectGarbage(child: ChildProcess): Promise<void> {
  const done = new Promise((resolve) => child.once('message', resolve));
  child.send('gc');
  await done;
}

/** The median of three samples a second apart, after a full GC. */
async function settledRss(child: ChildProcess): Promise<number> {
  const samples: number[] = [];
  for (let index = 0; index < 3; index += 1) {
    await collectGarbage(child);
    await sleep(1000);
    samples.push(rssOf(child));
  }
  return samples.sort((a, b) => a - b)[1] as number;
}

/** A client that sends its request, reads the status line, and never reads again. */
function stalledClient(port: number, path: string, address: string): Promise<{ socket: Socket; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress: address });
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      socket.pause();
      socket.removeListener('error', reject);
      socket.on('error', () => {});
      resolve({ socket, status: Number(/^HTTP\/1\.1 (\d+)/.exec(chunk.toString('latin1'))?.[1] ?? 0) });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  });
}

async function inBatches(count: number, width: number, task: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += width) {
    await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, offset) => task(start + offset)));
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (bench) Chrome/131.0', ...headers },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A follower that reads everything; resolves with the last slide index it saw. */
function reader(base: string): { last: () => number; close: () => void } {
  const controller = new AbortController();
  let last = -1;
  void (async () => {
    const response = await fetch(`${base}/api/follow/${DECK}/events`, { signal: controller.signal });
    const decoder = new TextDecoder();
    const body = (response.body as ReadableStream<Uint8Array>).getReader();
    for (let chunk = await body.read(); !chunk.done; chunk = await body.read()) {
      for (const match of decoder.decode(chunk.value, { stream: true }).matchAll(/"index":(\d+)/g)) {
        last = Number(match[1]);
      }
    }
  })().catch(() => {});
  return { last: () => last, close: () => controller.abort() };
}

async function main(): Promise<void> {
  const child = fork(import.meta.filename, ['serve'], { execArgv: ['--expose-gc', '--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (value) => resolve(value as number)));
  const base = `http://127.0.0.1:${port}`;
  const presenter = { authorization: `Bearer ${TOKEN}` };
  const path = `/${'x'.repeat(2000)}`;
  try {
    // Warm-up: every route and stream kind once, so idle includes compiled code and pools.
    await inBatches(200, 20, () => post(`${base}/api/visits`, { path }));
    await inBatches(200, 20, (index) => post(`${base}/api/follow/${DECK}`, { index }, presenter));
    const warm = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        stalledClient(port, index % 2 ? '/api/visits/stream' : `/api/follow/${DECK}/events`, '127.0.0.1'),
      ),
    );
    for (const { socket } of warm) socket.destroy();
    await sleep(500);
    const idle = await settledRss(child);

    const following = reader(base);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child))), 100);
    const stalled = await Promise.all(
      Array.from({ length: STALLED }, (_, index) =>
        stalledClient(
          port,
          index % 2 ? '/api/visits/stream' : `/api/follow/${DECK}/events`,
          `127.0.0.${2 + Math.floor(index / PER_ADDRESS)}`,
        ),
      ),
    );
    const admitted = stalled.filter(({ status }) => status === 200).length;
    const started = performance.now();
    await inBatches(VISITS, 20, () => post(`${base}/api/visits`, { path }));
    await inBatches(SLIDES, 20, (index) => post(`${base}/api/follow/${DECK}`, { index: index % 10_000 }, presenter));
    const floodS = (performance.now() - started) / 1000;
    await sleep(1000);
    const status = (await (await fetch(`${base}/api/visits/status`)).json()) as { streamClients: number };
    const lastSlide = (SLIDES - 1) % 10_000;
    for (let waited = 0; following.last() !== lastSlide && waited < 5000; waited += 100) await sleep(100);
    clearInterval(sampler);

    for (const { socket } of stalled) socket.destroy();
    following.close();
    await sleep(2000);
    const after = await settledRss(child);

    const mb = (bytes: number) => (bytes / MB).toFixed(1).padStart(7);
    console.log(`\n${STALLED} stalled event-stream clients (${admitted} admitted, 200), ${VISITS} visits of 2 KB`);
    console.log(`and ${SLIDES} slide changes in ${floodS.toFixed(1)} s; RSS of the server process in MB\n`);
    console.log('                               |      MB | vs idle');
    console.log('-------------------------------|---------|--------');
    console.log(`idle (baseline, this run)      | ${mb(idle)} |`);
    console.log(`peak with the stalled clients  | ${mb(peak)} | ${mb(peak - idle)}  (target ≤ 100)`);
    console.log(`after they went                | ${mb(after)} | ${mb(after - idle)}`);
    console.log(`\nvisit streams still open after the flood: ${status.streamClients} of ${STALLED / 2} (the rest cut)`);
    console.log(
      `reading follower got the last slide: ${following.last() === lastSlide ? 'yes' : `no (${following.last()})`}`,
    );
    const ok = admitted === STALLED && peak - idle <= 100 * MB && following.last() === lastSlide;
    console.log(ok ? '\nOK' : '\nNICHT ERFÜLLT');
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.disconnect();
  }
}

if (process.argv[2] === 'serve') await serve();
else await main();
