/**
 * `npm run bench:polls`: a live poll in a lecture hall on loopback. The app of `npm start`
 * (SQLite, or PostgreSQL with DATABASE_URL) runs in this process on the built site; the presenter
 * opens a poll and watches its stream; N voters (BENCH_VOTERS, default 500), each from its own
 * address 127.0.2.x, vote at random moments within BENCH_WINDOW_S (default 10) seconds, and
 * 20 % of them change their vote once.
 *
 * Reported, all from one run: vote acknowledgement p50/p99 against a bare route (GET
 * /api/health) measured the same way beside it; the presenter's histogram delay (from a vote's
 * acknowledgement to the first presenter event that counts it) p50/p99, target p99 ≤ 250 ms;
 * presenter events per second while votes arrive (target ≥ 2); votes lost (counted at the end
 * against the acknowledged ones, must be 0).
 *
 * Then the crash check: the same app in a child process (`tsx bench/polls.ts serve`) on a fresh
 * store; BENCH_CRASH_VOTERS (default 300) vote within 3 s and the server gets SIGKILL after a
 * random number of acknowledgements, with votes still in flight. Restarted on the same store,
 * it must hold every acknowledged vote: the acknowledged answer, or a later change that was
 * sent but never answered. Reported as lost, must be 0. Every loop is bounded; the run ends by
 * itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createParser } from 'eventsource-parser';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { PollView } from '../src/shared/polls';
import { startServer } from './tracking-server';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 500);
const CRASH_VOTERS = Number(process.env.BENCH_CRASH_VOTERS ?? 300);
const CRASH_WINDOW_MS = 3000;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 10) * 1000;
const DECK = 'uebung-1';
const QUESTION = 'tracking-bestaetigung';
const CHOICES = ['a', 'b', 'c', 'd'];
const TOKEN = randomBytes(16).toString('hex');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const agents = new Map<number, Agent>();
function agentFor(index: number): Agent {
  const slot = (index % 250) + 1;
  let agent = agents.get(slot);
  if (!agent) {
    agent = new Agent({ keepAlive: true, maxSockets: 4, localAddress: `127.0.2.${slot}` });
    agents.set(slot, agent);
  }
  return agent;
}

/** One request from voter `index`'s address; resolves with its status, milliseconds and body. */
function send(port: number, index: number, method: string, path: string, body?: unknown) {
  return new Promise<{ status: number; ms: number; at: number; text: string }>((resolve, reject) => {
    const started = performance.now();
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: agentFor(index),
        headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {},
        timeout: 30_000,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const at = performance.now();
          resolve({ status: response.statusCode ?? 0, ms: at - started, at, text });
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens the bench question's poll on the server at `base`. */
async function openPoll(base: string): Promise<PollView> {
  const opened = await fetch(`${base}/api/polls/${DECK}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question: QUESTION }),
  });
  if (!opened.ok)
    throw new Error(`Abstimmung nicht geöffnet (${opened.status}): ist die Website gebaut (npm run build)?`);
  return (await opened.json()) as PollView;
}

/** The server for the crash check, as `npm start` builds it, in this file's child process. */
async function serve(): Promise<void> {
  const app = await buildApp(loadConfig(process.env));
  console.log(`Bench-Server: ${await app.listen({ host: '127.0.0.1', port: 0 })}`);
}

/** SIGKILL in mid-poll, restart on the same store: how many acknowledged votes are gone. */
async function crashCheck(): Promise<{ acknowledged: number; killedAfter: number; lost: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-bench-polls-crash-'));
  const env = { DATA_DIR: dataDir, PRESENTER_TOKEN: TOKEN, POLL_VOTES_PER_IP: '100000', LOG_LEVEL: 'error' };
  try {
    const server = await startServer('bench/polls.ts', ['serve'], env);
    const port = Number(new URL(server.url).port);
    const poll = await openPoll(server.url);
    const killAfter = Math.floor(CRASH_VOTERS * (0.25 + Math.random() * 0.5));
    const devices = Array.from({ length: CRASH_VOTERS }, () => randomBytes(12).toString('hex'));
    /** Per device: the last acknowledged answer, and a later one sent but not answered. */
    const votes = new Map<string, { acked?: string; pending?: string }>();
    let acknowledged = 0;
    let killed = false;
    const put = async (index: number, device: string, answer: string) => {
      const vote = votes.get(device) ?? {};
      votes.set(device, vote);
      vote.pending = answer;
      const reply = await send(port, index, 'PUT', `/api/polls/${DECK}/${poll.id}/votes/${device}`, { answer }).catch(
        () => undefined,
      );
      if (reply?.status !== 200) return;
      vote.acked = answer;
      delete vote.pending;
      acknowledged += 1;
      if (acknowledged >= killAfter && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    };
    await Promise.all(
      devices.map(async (device, index) => {
        await sleep(Math.random() * CRASH_WINDOW_MS);
        const choice = () => CHOICES[Math.floor(Math.random() * CHOICES.length)] as string;
        await put(index, device, choice());
        if (index % 5 === 0 && !killed) await put(index, device, choice());
      }),
    );
    if (!killed) server.child.kill('SIGKILL');
    await server.exited;
    for (const agent of agents.values()) agent.destroy();
    agents.clear();

    const restarted = await startServer('bench/polls.ts', ['serve'], env);
    const again = Number(new URL(restarted.url).port);
    let lost = 0;
    let acknowledgedDevices = 0;
    for (const [index, device] of devices.entries()) {
      const vote = votes.get(device);
      if (vote?.acked === undefined) continue;
      acknowledgedDevices += 1;
      const reply = await send(again, index, 'GET', `/api/polls/${DECK}/${poll.id}/votes/${device}`);
      const stored = reply.status === 200 ? (JSON.parse(reply.text) as { answer: string }).answer : undefined;
      if (stored !== vote.acked && stored !== vote.pending) lost += 1;
    }
    restarted.child.kill('SIGTERM');
    await restarted.exited;
    return { acknowledged: acknowledgedDevices, killedAfter: killAfter, lost };
  } finally {
    for (const agent of agents.values()) agent.destroy();
    agents.clear();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-bench-polls-'));
  const app = await buildApp(
    loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      PRESENTER_TOKEN: TOKEN,
      POLL_VOTES_PER_IP: '100000',
      LOG_LEVEL: 'error',
    }),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const base = `http://127.0.0.1:${port}`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  try {
    const poll = await openPoll(base);

    // The presenter's stream: when each count arrived.
    const events: { at: number; voters: number }[] = [];
    const controller = new AbortController();
    const live = await fetch(`${base}/api/polls/${DECK}/live`, { headers: auth, signal: controller.signal });
    const parser = createParser({
      onEvent: (event) => {
        if (event.event !== 'poll') return;
        const view = JSON.parse(event.data) as PollView | null;
        events.push({ at: performance.now(), voters: view?.results?.voters ?? 0 });
      },
    });
    const reading = (async () => {
      const reader = live.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done || value === undefined) return;
        parser.feed(value);
      }
    })();

    const devices = Array.from({ length: VOTERS }, () => randomBytes(12).toString('hex'));
    const firstAcks: number[] = [];
    const voteMs: number[] = [];
    const bareMs: number[] = [];
    const failures: Record<string, number> = {};
    const acknowledged = new Set<string>();
    const fail = (what: string) => (failures[what] = (failures[what] ?? 0) + 1);
    const started = performance.now();
    const voter = async (index: number) => {
      await sleep(Math.random() * WINDOW_MS);
      const device = devices[index] as string;
      const path = `/api/polls/${DECK}/${poll.id}/votes/${device}`;
      const choice = () => CHOICES[Math.floor(Math.random() * CHOICES.length)];
      const first = await send(port, index, 'PUT', path, { answer: choice() }).catch(() => undefined);
      if (first?.status !== 200) return fail(`Stimme ${first?.status ?? 'Verbindung'}`);
      firstAcks.push(first.at);
      voteMs.push(first.ms);
      acknowledged.add(device);
      const bare = await send(port, index, 'GET', '/api/health').catch(() => undefined);
      if (bare?.status === 200) bareMs.push(bare.ms);
      if (index % 5 === 0) {
        await sleep(Math.random() * 2000);
        const change = await send(port, index, 'PUT', path, { answer: choice() }).catch(() => undefined);
        if (change?.status === 200) voteMs.push(change.ms);
        else fail(`Änderung ${change?.status ?? 'Verbindung'}`);
      }
    };
    await Promise.all(devices.map((_, index) => voter(index)));
    const votingMs = performance.now() - started;
    await sleep(1000);
    controller.abort();
    await reading;

    // The k-th acknowledged first vote is counted by the first event with at least k voters.
    firstAcks.sort((a, b) => a - b);
    const delays = firstAcks.map((ack, k) => {
      const seen = events.find((event) => event.voters >= k + 1 && event.at >= ack);
      return seen ? seen.at - ack : Number.POSITIVE_INFINITY;
    });
    const during = events.filter((event) => event.at >= started && event.at <= started + votingMs).length;
    const stored = (await (await fetch(`${base}/api/polls/${DECK}/results`, { headers: auth })).json()) as {
      polls: { id: string; results: { voters: number } }[];
    };
    const counted = stored.polls.find((entry) => entry.id === poll.id)?.results.voters ?? 0;
    const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'nie');
    const voteP50 = percentile(voteMs, 50);
    const voteP99 = percentile(voteMs, 99);
    const bareP50 = percentile(bareMs, 50);
    const bareP99 = percentile(bareMs, 99);
    console.log(`bench:polls – ${VOTERS} Abstimmende in ${(WINDOW_MS / 1000).toFixed(0)} s, 20 % ändern ihre Stimme`);
    console.log(`Speicher: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
    console.log(
      `Stimme bestätigt: p50 ${fmt(voteP50)}, p99 ${fmt(voteP99)} (${voteMs.length} Stimmen) – ` +
        `reine Route: p50 ${fmt(bareP50)}, p99 ${fmt(bareP99)} – Verhältnis p50 ${(voteP50 / bareP50).toFixed(2)}×, ` +
        `p99 ${(voteP99 / bareP99).toFixed(2)}×`,
    );
    console.log(
      `Histogramm beim Vortragenden: Verzögerung p50 ${fmt(percentile(delays, 50))}, p99 ${fmt(percentile(delays, 99))} ` +
        `(Ziel p99 ≤ 250 ms); ${(during / (votingMs / 1000)).toFixed(1)} Aktualisierungen/s während der Abstimmung (Ziel ≥ 2)`,
    );
    console.log(
      `Bestätigte Geräte: ${acknowledged.size}, gezählt: ${counted}, verloren: ${Math.max(0, acknowledged.size - counted)}`,
    );
    if (Object.keys(failures).length > 0) console.log(`Fehler: ${JSON.stringify(failures)}`);
    process.exitCode = acknowledged.size === counted ? 0 : 1;
  } finally {
    for (const agent of agents.values()) agent.destroy();
    agents.clear();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const crash = await crashCheck();
  console.log(
    `SIGKILL mitten in der Abstimmung (${CRASH_VOTERS} Abstimmende, getötet nach ${crash.killedAfter} Bestätigungen), ` +
      `Neustart auf demselben Speicher: bestätigte Geräte ${crash.acknowledged}, verloren: ${crash.lost}`,
  );
  if (crash.lost > 0) process.exitCode = 1;
}

if (process.argv[2] === 'serve') await serve();
else if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
