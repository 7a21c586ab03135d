/**
 * `npm run bench:hall`: a lecture hall on loopback – 300 students and, for a while, 5 attackers –
 * against the app of `npm start` (embedded task runner, SQLite), which runs in this process so
 * that its event-loop delay (`monitorEventLoopDelay`) and memory are measured where they arise.
 *
 * The students run in a process of their own, each from its own loopback address (127.0.1.x,
 * 127.0.2.x). Each sends a page-view beacon every 20 s, follows the lecturer (an event stream on
 * /api/follow/kapitel-2/events), runs `sum` through /api/execute every ~10 s and queues a `sort`
 * job every ~30 s, which it reads until it is done; every tenth also watches /api/visits/stream.
 * The attackers (127.0.9.x) run in a third process, started for the attack phase, at `nice -n 19`:
 * in a hall they sit at their own laptops, so they get only the CPU that server and students leave
 * over here (BENCH_ATTACKERS=equal runs them at the same priority, to see what they take away).
 *
 * Phases: 60 s calm, 60 s with the attackers at full (bounded) speed, 30 s calm. Each attacker
 * sends 1 MB execute bodies, floods 60 s `sleep` jobs, tries to cancel jobs that are not its
 * own and scrapes /api/status, opens event streams for made-up decks, and holds 200 event
 * streams it never reads (1,000 in all).
 *
 * Per phase: students' p50/p99 latency as the client sees it and as the server sees it (from the
 * request's arrival to its answer's last byte, so CPU the clients wait for is not in it), their
 * failures, event-loop delay p99 of server and students' process, RSS peak, hostile requests
 * refused and sent per second. Targets: 0 student failures; students' p99 under attack ≤ 2× calm;
 * event-loop p99 ≤ 50 ms; RSS ≤ 600 MB. BENCH_SHORT=1 shortens the phases to 15 s, 15 s and 10 s;
 * BENCH_CPU_PROFILE=<file> writes a CPU profile of the server during the attack.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PORT = Number(process.env.BENCH_PORT ?? 4202);
const SHORT = Boolean(process.env.BENCH_SHORT);
const ATTACKERS_NICE = process.env.BENCH_ATTACKERS !== 'equal';
const PHASES = [
  { name: 'ruhig', seconds: SHORT ? 15 : 60, attack: false },
  { name: 'Angriff', seconds: SHORT ? 15 : 60, attack: true },
  { name: 'ruhig danach', seconds: SHORT ? 10 : 30, attack: false },
];
const STUDENTS = 300;
const ATTACKERS = 5;
const STALLED_PER_ATTACKER = 200;
const MADE_UP_STREAMS_PER_ATTACKER = 100;
const DECK = 'kapitel-2';
const PRESENTER_TOKEN = randomBytes(16).toString('hex');

interface PhaseResult {
  latencyMs: number[];
  executeMs: number[];
  requests: number;
  failures: Record<string, number>;
  /** Event-loop delay p99 of the students' own process: how long a finished answer waits for the CPU. */
  clientLoopP99Ms: number;
}

interface ServerFigures {
  loopP99Ms: number;
  loopMaxMs: number;
  rssPeakMb: number;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** A browser's user agent: the tracking server drops visits of bots. */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const refused = (status: number) => status < 200 || status >= 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One HTTP exchange; status 0 when the connection failed. */
function exchange(
  agent: Agent,
  method: string,
  path: string,
  options: { body?: Buffer | string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        agent,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          'user-agent': BROWSER,
          ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
          ...options.headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', () => resolve({ status: 0, body: text }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', () => resolve({ status: 0, body: '' }));
    outgoing.end(body);
  });
}

/** An event stream that is read (and so costs the server nothing but a socket); resolves with the status. */
function openStream(agent: Agent, path: string, onEnd: () => void): Promise<{ status: number; close: () => void }> {
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port: PORT, path, agent }, (response: IncomingMessage) => {
      response.resume();
      response.on('close', onEnd);
      resolve({ status: response.statusCode ?? 0, close: () => outgoing.destroy() });
    });
    outgoing.on('error', () => resolve({ status: 0, close: () => undefined }));
    outgoing.end();
  });
}

/** An event stream that is never read past its first bytes: a client that stopped reading. */
function stalledStream(localAddress: string, path: string): Promise<{ accepted: boolean; socket: Socket }> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: PORT, localAddress });
    const timer = setTimeout(() => resolve({ accepted: false, socket }), 5_000);
    socket.on('error', () => resolve({ accepted: false, socket }));
    socket.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      socket.pause();
      resolve({ accepted: chunk.toString('latin1').startsWith('HTTP/1.1 200'), socket });
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`);
  });
}

/** The students' process: all three phases, as the main process announces them; reports per phase. */
async function students(): Promise<void> {
  let phase = 0;
  let running = true;
  const results: PhaseResult[] = PHASES.map(() => ({
    latencyMs: [],
    executeMs: [],
    requests: 0,
    failures: {},
    clientLoopP99Ms: 0,
  }));
  // How long the students' own process keeps a finished answer waiting: CPU starvation of the clients.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const fail = (kind: string) => {
    const failures = results[phase]!.failures;
    failures[kind] = (failures[kind] ?? 0) + 1;
  };
  const timed = async (kind: string, run: () => Promise<{ status: number; body: string }>, ok: number) => {
    const started = performance.now();
    const answer = await run();
    const ms = performance.now() - started;
    const result = results[phase]!;
    result.requests++;
    result.latencyMs.push(ms);
    if (kind === 'execute') result.executeMs.push(ms);
    if (answer.status !== ok) fail(`${kind} ${answer.status}`);
    return answer;
  };
  const student = async (index: number) => {
    const address = `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`;
    const agent = new Agent({ keepAlive: true, localAddress: address });
    const streams: (() => void)[] = [];
    const follow = async (path: string) => {
      const stream = await openStream(agent, path, () => {
        if (running) {
          fail('Strom beendet');
          void follow(path);
        }
      });
      if (stream.status !== 200) fail(`Strom ${stream.status}`);
      streams.push(stream.close);
    };
    await sleep(Math.random() * 10_000);
    await follow(`/api/follow/${DECK}/events`);
    if (index % 10 === 0) await follow('/api/visits/stream');
    let tick = Math.floor(Math.random() * 6);
    while (running) {
      if (tick % 2 === 0) {
        const params = Array.from({ length: 10 }, () => Math.round(Math.random() * 100));
        await timed(
          'execute',
          () => exchange(agent, 'POST', '/api/execute', { body: JSON.stringify({ task: 'sum', params }) }),
          200,
        );
      }
      if (tick % 4 === 0) {
        await timed(
          'visit',
          () => exchange(agent, 'POST', '/api/visits', { body: JSON.stringify({ path: `/slides/${DECK}/` }) }),
          201,
        );
      }
      if (tick % 6 === 3) void job(agent);
      tick++;
      await sleep(4_000 + Math.random() * 2_000);
    }
    for (const close of streams) close();
    agent.destroy();
  };

  const job = async (agent: Agent) => {
    const params = Array.from({ length: 1_000 }, () => Math.round(Math.random() * 1e6));
    const created = await timed(
      'job',
      () => exchange(agent, 'POST', '/api/jobs', { body: JSON.stringify({ task: 'sort', params }) }),
      202,
    );
    if (created.status !== 202) return;
    const { self } = JSON.parse(created.body) as { self: string };
    for (let attempt = 0; attempt < 30; attempt++) {
      await sleep(1_000);
      const read = await timed('job lesen', () => exchange(agent, 'GET', self), 200);
      if (read.status !== 200) return;
      const state = (JSON.parse(read.body) as { state: string }).state;
      if (state === 'completed') return;
      if (state === 'failed' || state === 'cancelled') return fail(`job ${state}`);
    }
    fail('job nicht fertig');
  };

  const all = Array.from({ length: STUDENTS }, (_, index) => student(index));
  process.on('message', (message: { phase?: number; stop?: boolean }) => {
    if (message.phase !== undefined) {
      results[phase]!.clientLoopP99Ms = loop.percentile(99) / 1e6;
      loop.reset();
      phase = message.phase;
    }
    if (message.stop) {
      results[phase]!.clientLoopP99Ms = loop.percentile(99) / 1e6;
      running = false;
      process.send!({ results });
      void Promise.race([Promise.all(all), sleep(15_000)]).then(() => process.exit(0));
    }
  });
}

/** The attackers' process, started for the attack phase: 5 hostile clients until told to stop. */
async function attackers(): Promise<void> {
  let attack = true;
  let hostileCount = 0;
  let refusedCount = 0;
  const hostile = (wasRefused: boolean) => {
    hostileCount++;
    if (wasRefused) refusedCount++;
  };
  const megabyte = Buffer.from(
    JSON.stringify({ task: 'sum', params: Array.from({ length: 500_000 }, (_, i) => i % 10) }),
  );
  const attacker = async (index: number) => {
    const address = `127.0.9.${index + 1}`;
    const agent = new Agent({ keepAlive: true, localAddress: address, maxSockets: 64 });
    const loop = async (run: () => Promise<boolean>) => {
      while (attack) hostile(await run());
    };
    const sockets: Socket[] = [];
    const closers: (() => void)[] = [];
    const holdStalled = async () => {
      for (let i = 0; i < STALLED_PER_ATTACKER && attack; i++) {
        const path = i % 2 === 0 ? '/api/visits/stream' : `/api/follow/${DECK}/events`;
        const { accepted, socket } = await stalledStream(address, path);
        sockets.push(socket);
        hostile(!accepted);
      }
    };
    const madeUpDecks = async () => {
      for (let i = 0; i < MADE_UP_STREAMS_PER_ATTACKER && attack; i++) {
        const stream = await openStream(agent, `/api/follow/erfunden-${index}-${i}/events`, () => undefined);
        closers.push(stream.close);
        hostile(refused(stream.status));
      }
    };
    await Promise.all([
      loop(async () => refused((await exchange(agent, 'POST', '/api/execute', { body: megabyte })).status)),
      loop(async () => refused((await exchange(agent, 'POST', '/api/execute', { body: megabyte })).status)),
      loop(async () => {
        const body = JSON.stringify({ task: 'sleep', params: { ms: 60_000 } });
        return refused((await exchange(agent, 'POST', '/api/jobs', { body })).status);
      }),
      loop(async () => {
        const id = randomBytes(16).toString('base64url');
        const headers = { authorization: `Bearer ${randomBytes(24).toString('base64url')}` };
        return refused((await exchange(agent, 'DELETE', `/api/jobs/${id}`, { headers })).status);
      }),
      loop(async () => {
        const status = await exchange(agent, 'GET', '/api/status');
        // Scraping is refused when it yields no job id of anyone else.
        return refused(status.status) || !/"job":/.test(status.body);
      }),
      holdStalled(),
      madeUpDecks(),
    ]);
    for (const socket of sockets) socket.destroy();
    for (const close of closers) close();
    agent.destroy();
  };

  const running = Array.from({ length: ATTACKERS }, (_, i) => attacker(i));
  process.once('message', () => {
    attack = false;
    void Promise.all(running).then(() => {
      process.send!({ hostile: hostileCount, refused: refusedCount });
      process.exit(0);
    });
  });
}

/** How the attackers run: in a process of their own, at the lowest CPU priority unless BENCH_ATTACKERS=equal. */
function startAttackers(tsxLoader: string): ChildProcess {
  const node = [process.execPath, '--import', tsxLoader, fileURLToPath(import.meta.url), 'attackers'];
  const [command, ...args] = ATTACKERS_NICE ? ['nice', '-n', '19', ...node] : node;
  return spawn(command!, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

const answer = <T>(child: ChildProcess, key: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      child.off('message', onMessage);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`Ein Client-Prozess endete mit ${code}`)));
  });

const STUDENT_ADDRESS = /^(::ffff:)?127\.0\.[12]\./;

async function main(): Promise<void> {
  const { buildApp } = await import('../src/server/app');
  const { loadConfig } = await import('../src/server/config');
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-bench-hall-'));
  const app = await buildApp(
    loadConfig({
      PORT: String(PORT),
      DATA_DIR: dataDir,
      SITE_DIR: process.env.SITE_DIR ?? resolve('dist'),
      PRESENTER_TOKEN,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      TRUST_PROXY: '',
      REDIS_URL: '',
      DATABASE_URL: '',
    }),
  );
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const opened = await app.inject({
    method: 'POST',
    url: `/api/follow/${DECK}`,
    headers: { authorization: `Bearer ${PRESENTER_TOKEN}` },
    payload: { index: 3 },
  });
  if (opened.statusCode !== 200) throw new Error(`Folgen für ${DECK}: HTTP ${opened.statusCode} ${opened.body}`);

  // The server's own share of a student's wait: from the request's arrival to the last byte of its answer.
  let phase = 0;
  const serverMs: number[][] = PHASES.map(() => []);
  app.server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!STUDENT_ADDRESS.test(request.socket.remoteAddress ?? '') || /\/(events|stream)$/.test(request.url ?? ''))
      return;
    const started = performance.now();
    const during = phase;
    response.once('finish', () => serverMs[during]!.push(performance.now() - started));
  });

  const delay = monitorEventLoopDelay({ resolution: 1 });
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 250);
  const figures: ServerFigures[] = [];
  const closePhase = () => {
    figures.push({
      loopP99Ms: delay.percentile(99) / 1e6,
      loopMaxMs: delay.max / 1e6,
      rssPeakMb: Math.max(rssPeak, process.memoryUsage.rss()) / 1024 / 1024,
    });
    delay.reset();
    rssPeak = 0;
  };

  console.log(
    `Hörsaal: ${STUDENTS} Studierende, ${ATTACKERS} Angreifer, Phasen ${PHASES.map((p) => `${p.seconds} s`).join(' / ')}; ` +
      `Last der Maschine vorher (1/5/15 min): ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' / ')}`,
  );
  console.log(
    ATTACKERS_NICE
      ? 'Angreifer: eigener Prozess mit nice -n 19 – wie von einem anderen Rechner: Sie bekommen nur die CPU, die Server und Studierende übrig lassen.'
      : 'Angreifer: eigener Prozess mit gleicher Priorität – sie nehmen Server und Studierenden CPU weg (BENCH_ATTACKERS=equal).',
  );
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const studentsProcess = fork(fileURLToPath(import.meta.url), ['students'], { execArgv: ['--import', tsxLoader] });
  const profile = process.env.BENCH_CPU_PROFILE ? new Session() : undefined;
  profile?.connect();
  const hostile = { sent: 0, refused: 0 };
  delay.enable();
  for (const [index, { seconds, attack }] of PHASES.entries()) {
    phase = index;
    studentsProcess.send({ phase: index });
    let attackersProcess: ChildProcess | undefined;
    if (attack) {
      attackersProcess = startAttackers(tsxLoader);
      await profile?.post('Profiler.enable');
      await profile?.post('Profiler.start');
    }
    await sleep(seconds * 1_000);
    if (attackersProcess) {
      const done = answer<{ hostile: number; refused: number }>(attackersProcess, 'hostile');
      attackersProcess.send({ stop: true });
      const { hostile: sent, refused: refusedCount } = await done;
      Object.assign(hostile, { sent, refused: refusedCount });
      if (profile) {
        const { profile: taken } = await profile.post('Profiler.stop');
        writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(taken));
        console.log(`CPU-Profil des Servers im Angriff: ${process.env.BENCH_CPU_PROFILE}`);
      }
    }
    closePhase();
  }
  const finished = answer<{ results: PhaseResult[] }>(studentsProcess, 'results');
  studentsProcess.send({ stop: true });
  const { results } = await finished;
  clearInterval(sampler);
  delay.disable();

  console.log(
    '\n| Phase | Anfragen der Studierenden | p50 / p99 beim Client | p50 / p99 im Server | p99 `execute` | Fehler | Event-Loop Server p99 / max | Event-Loop Clients p99 | RSS-Spitze | feindliche Anfragen abgewiesen |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const [index, result] of results.entries()) {
    const server = figures[index]!;
    const failures = Object.entries(result.failures)
      .map(([kind, count]) => `${count} × ${kind}`)
      .join(', ');
    const attack = PHASES[index]!.attack;
    console.log(
      `| ${PHASES[index]!.name} (${PHASES[index]!.seconds} s) | ${result.requests} | ` +
        `${percentile(result.latencyMs, 0.5).toFixed(1)} / ${percentile(result.latencyMs, 0.99).toFixed(1)} ms | ` +
        `${percentile(serverMs[index]!, 0.5).toFixed(1)} / ${percentile(serverMs[index]!, 0.99).toFixed(1)} ms | ` +
        `${percentile(result.executeMs, 0.99).toFixed(1)} ms | ${failures || '0'} | ` +
        `${server.loopP99Ms.toFixed(1)} / ${server.loopMaxMs.toFixed(1)} ms | ${result.clientLoopP99Ms.toFixed(1)} ms | ` +
        `${server.rssPeakMb.toFixed(0)} MB | ` +
        `${attack ? `${hostile.refused} von ${hostile.sent} (${(hostile.sent / PHASES[index]!.seconds).toFixed(0)}/s)` : '–'} |`,
    );
  }

  const failures = results.reduce((sum, result) => sum + Object.values(result.failures).reduce((a, b) => a + b, 0), 0);
  const p99 = (values: number[]) => percentile(values, 0.99);
  const loopP99 = Math.max(...figures.map((figure) => figure.loopP99Ms));
  const rss = Math.max(...figures.map((figure) => figure.rssPeakMb));
  const verdict = (ok: boolean) => (ok ? 'erreicht' : 'verfehlt');
  const ratio = (attackMs: number, calmMs: number, where: string) =>
    `${where}: ${attackMs.toFixed(1)} ms gegen ${calmMs.toFixed(1)} ms (${(attackMs / calmMs).toFixed(1)} ×) – ${verdict(attackMs <= 2 * calmMs)}`;
  console.log(`\nZiel 0 Fehler bei den Studierenden: ${failures} – ${verdict(failures === 0)}`);
  console.log(
    `Ziel p99 im Angriff ≤ 2 × ruhig, ${ratio(p99(results[1]!.latencyMs), p99(results[0]!.latencyMs), 'beim Client')}`,
  );
  console.log(`                           ${ratio(p99(serverMs[1]!), p99(serverMs[0]!), 'im Server')}`);
  console.log(`Ziel Event-Loop p99 ≤ 50 ms: ${loopP99.toFixed(1)} ms – ${verdict(loopP99 <= 50)}`);
  console.log(`Ziel RSS ≤ 600 MB: ${rss.toFixed(0)} MB – ${verdict(rss <= 600)}`);
  console.log(
    `Last der Maschine nachher: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
  );
  studentsProcess.kill();
  const closing = setTimeout(() => console.error('app.close() hängt seit 10 s'), 10_000);
  await app.close();
  clearTimeout(closing);
  rmSync(dataDir, { recursive: true, force: true });
}

if (process.argv[2] === 'students') await students();
else if (process.argv[2] === 'attackers') await attackers();
else await main();
