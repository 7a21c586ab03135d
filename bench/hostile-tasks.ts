/**
 * `npm run bench:hostile-tasks`: what hostile request bodies cost the task server's event loop.
 *
 * The task server (`npm run start:tasks`'s app, worker threads) runs in this process, which
 * samples its event-loop delay with `monitorEventLoopDelay`. A process of its own – so the senders
 * do not share the measured loop – probes `/api/health` every 50 ms and, phase by phase,
 * runs eight hostile clients, each from its own loopback address:
 *
 * 1. idle: the probe alone – the baseline;
 * 2. eight clients sending 1 MB bodies (500,000 numbers for `sum`) as fast as they are answered;
 * 3. eight clients sending the largest body the server reads (~250 KB, 36,000 numbers for `sum`,
 *    over its limit of 10,000).
 *
 * Per phase: event-loop delay p50/p99/max, `/api/health` p50/p99/max, hostile requests answered.
 * Target: event-loop p99 under hostile bodies ≤ idle p99 + 5 ms, health p99 ≤ 50 ms.
 * BENCH_SHORT=1 shortens the phases from 10 s to 3 s.
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PORT = Number(process.env.BENCH_PORT ?? 4201);
const PHASE_MS = process.env.BENCH_SHORT ? 3_000 : 10_000;
const ATTACKERS = 8;
const PROBE_EVERY_MS = 50;

type Phase = 'idle' | 'body-1mb' | 'body-at-limit';
const PHASES: { phase: Phase; title: string }[] = [
  { phase: 'idle', title: 'Leerlauf (Basis)' },
  { phase: 'body-1mb', title: '8 × 1 MB (500.000 Zahlen für sum)' },
  { phase: 'body-at-limit', title: '8 × ~250 KB (36.000 Zahlen für sum)' },
];

interface PhaseReport {
  healthMs: number[];
  healthFailed: number;
  statuses: Record<string, number>;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function post(agent: Agent, path: string, body: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: PORT,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}

function get(agent: Agent, path: string): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port: PORT, path, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', () => resolve(0));
    outgoing.end();
  });
}

const sumOf = (count: number, value: number) =>
  Buffer.from(JSON.stringify({ task: 'sum', params: Array(count).fill(value) }));

/** The clients' side, in a process of its own: one phase per message from the server's process. */
async function clients(): Promise<void> {
  const bodies: Record<Exclude<Phase, 'idle'>, Buffer> = {
    'body-1mb': Buffer.from(JSON.stringify({ task: 'sum', params: Array.from({ length: 500_000 }, (_, i) => i % 10) })),
    'body-at-limit': sumOf(36_000, 123_456),
  };
  const probe = new Agent({ keepAlive: true, localAddress: '127.0.2.1' });
  process.on('message', async (phase: Phase) => {
    const report: PhaseReport = { healthMs: [], healthFailed: 0, statuses: {} };
    const until = Date.now() + PHASE_MS;
    const attackers =
      phase === 'idle'
        ? []
        : Array.from({ length: ATTACKERS }, async (_, index) => {
            const agent = new Agent({ keepAlive: true, localAddress: `127.0.3.${index + 1}` });
            while (Date.now() < until) {
              const status = String(await post(agent, '/api/execute', bodies[phase]));
              report.statuses[status] = (report.statuses[status] ?? 0) + 1;
            }
            agent.destroy();
          });
    while (Date.now() < until) {
      const started = performance.now();
      const status = await get(probe, '/api/health');
      if (status === 200) report.healthMs.push(performance.now() - started);
      else report.healthFailed++;
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
    await Promise.all(attackers);
    process.send!(report);
  });
}

async function main(): Promise<void> {
  // A log line per request would be measured along with the requests.
  process.env.LOG_LEVEL ??= 'error';
  const { loadServiceConfig } = await import('../src/server/config');
  const { buildTasksApp } = await import('../src/server/tasks/service');
  const app = await buildTasksApp(loadServiceConfig(PORT, { ...process.env, PORT: String(PORT), REDIS_URL: '' }));
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const clientProcess = fork(fileURLToPath(import.meta.url), ['clients'], { execArgv: ['--import', tsxLoader] });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();

  console.log(
    `Feindliche Task-Anfragen, ${PHASE_MS / 1000} s je Phase; Last der Maschine vorher (1/5/15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}\n`,
  );
  console.log(
    '| Phase | Event-Loop p50 / p99 / max | /api/health p50 / p99 / max | feindliche Anfragen (Status × Anzahl) |',
  );
  console.log('|---|---|---|---|');
  const results: { phase: Phase; loopP99: number; healthP99: number }[] = [];
  for (const { phase, title } of PHASES) {
    delay.reset();
    clientProcess.send(phase);
    const report = await new Promise<PhaseReport>((resolve) =>
      clientProcess.once('message', resolve as (message: unknown) => void),
    );
    const loop = (q: number) => delay.percentile(q) / 1e6;
    const health = (q: number) => percentile(report.healthMs, q / 100);
    const statuses = Object.entries(report.statuses)
      .map(([status, count]) => `${status} × ${count}`)
      .join(', ');
    console.log(
      `| ${title} | ${loop(50).toFixed(1)} / ${loop(99).toFixed(1)} / ${(delay.max / 1e6).toFixed(1)} ms | ` +
        `${health(50).toFixed(1)} / ${health(99).toFixed(1)} / ${Math.max(0, ...report.healthMs).toFixed(1)} ms` +
        `${report.healthFailed ? ` (${report.healthFailed} fehlgeschlagen)` : ''} | ${statuses || '–'} |`,
    );
    results.push({ phase, loopP99: loop(99), healthP99: health(99) });
  }
  delay.disable();
  clientProcess.disconnect();
  await app.close();

  const idle = results[0]!;
  const worst = results.slice(1).reduce((a, b) => (b.loopP99 > a.loopP99 ? b : a));
  const loopOk = worst.loopP99 <= idle.loopP99 + 5;
  const healthOk = results.every((result) => result.healthP99 <= 50);
  console.log(
    `\nZiel Event-Loop p99 ≤ Leerlauf + 5 ms: ${worst.loopP99.toFixed(1)} ms gegen ${idle.loopP99.toFixed(1)} ms – ` +
      `${loopOk ? 'erreicht' : 'verfehlt'}`,
  );
  console.log(`Ziel /api/health p99 ≤ 50 ms in jeder Phase: ${healthOk ? 'erreicht' : 'verfehlt'}`);
  console.log(
    `Last der Maschine nachher: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
  );
}

if (process.argv[2] === 'clients') await clients();
else await main();
