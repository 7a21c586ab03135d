import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import catalogue from 'virtual:task-catalogue';
import { OFFLINE_HINT, type TaskDemoState } from '../../../src/shared/demos';
import { LiveTasks } from '../../../src/widgets/task-backend';
import { BATCH, TaskDemoModel, type TaskDemoMode } from '../../../src/widgets/task-model';
import { SimulatedTasks, simulatedCatalogue } from '../../../src/widgets/task-simulation';
import { embeddedRunner, serve, type TestServer } from '../../server/tasks/helpers';
import { builtinCatalogue } from '../../../src/widgets/catalogue-plugin';

let model: TaskDemoModel | undefined;
let server: TestServer | undefined;

afterEach(async () => {
  model?.dispose();
  model = undefined;
  await server?.close();
  server = undefined;
});

/** A loopback port nobody listens on: the live backend fails at once, as with a stopped server. */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function start(url: string, mode: TaskDemoMode, seen: TaskDemoState[] = []): TaskDemoModel {
  model = new TaskDemoModel({
    server: url,
    live: new LiveTasks(url),
    simulated: new SimulatedTasks(),
    mode,
    task: null,
    onChange: (state) => seen.push(state),
  });
  return model;
}

async function until(model: TaskDemoModel, done: (state: TaskDemoState) => boolean): Promise<TaskDemoState> {
  await expect.poll(() => done(model.state), { timeout: 10_000, interval: 20 }).toBe(true);
  return model.state;
}

describe('the simulated catalogue', () => {
  it('is the server’s catalogue as GET /api/tasks describes it, cut to what the browser can compute', async () => {
    server = await serve(await embeddedRunner());
    const { tasks } = (await (await fetch(`${server.url}/api/tasks`)).json()) as { tasks: unknown[] };
    expect(catalogue).toEqual(builtinCatalogue());
    expect(tasks).toEqual(catalogue);
    const names = simulatedCatalogue().map((task) => task.name);
    expect(names).toEqual(expect.arrayContaining(['sum', 'multiplication', 'sleep']));
    expect(names.every((name) => catalogue.some((task) => task.name === name))).toBe(true);
  });
});

describe('TaskDemoModel', () => {
  it('without a server: simulated, says why, and computes the seed’s sum in the browser', async () => {
    const demo = start(await closedPort(), 'execute');
    await demo.start();
    expect(demo.state.connection).toBe('simulated');
    expect(demo.state.status).toContain(OFFLINE_HINT);
    expect(demo.state.run).toBeNull();
    expect(demo.state.inputs).toEqual({ '': '1, 2, 3, 4' });
    demo.input('', '5 5 5');
    await demo.execute();
    expect(demo.state.run).toMatchObject({ phase: 'done', progress: 1, result: '15 (simuliert)' });
    expect(demo.state.run?.worker).toMatch(/^sim-worker-\d \(simuliert\)$/);
  });

  it('live: runs now on the real task server', async () => {
    server = await serve(await embeddedRunner());
    const demo = start(server.url, 'execute');
    await demo.start();
    expect(demo.state).toMatchObject({ connection: 'live', task: 'sum', status: `Live: verbunden mit ${server.url}` });
    demo.select('multiplication');
    await demo.execute();
    expect(demo.state.run).toMatchObject({ phase: 'done', result: '24' });
  });

  it('names the field of bad input and starts no run', async () => {
    const demo = start(await closedPort(), 'execute');
    await demo.start();
    demo.select('sleep');
    demo.input('ms', 'bald');
    await demo.execute();
    expect(demo.state).toMatchObject({
      run: null,
      errorField: 'ms',
      error: 'Millisekunden: bitte eine Zahl eingeben.',
    });
  });

  it('a queued job: progress, then result; the worker table never says free while the job runs there', async () => {
    const seen: TaskDemoState[] = [];
    const demo = start(await closedPort(), 'workers', seen);
    await demo.start();
    demo.select('sleep');
    demo.input('ms', '600');
    await demo.queue();
    const done = await until(demo, (state) => state.run?.phase === 'done');
    expect(done.run?.result).toBe('{"sleptMs":600} (simuliert)');
    const running = seen.filter((state) => state.run?.line.includes('läuft auf'));
    expect(running.length).toBeGreaterThan(1);
    for (const state of seen) {
      for (const job of state.jobs.filter((candidate) => candidate.state === 'active')) {
        const worker = state.workers?.find((candidate) => candidate.id === job.worker);
        if (worker) expect(worker.running.map((entry) => entry.job)).toContain(job.id);
      }
    }
  });

  it(`${BATCH} jobs at once: listed newest first, counted as they finish; reset clears everything`, async () => {
    const demo = start(await closedPort(), 'workers');
    await demo.start();
    demo.select('sleep');
    demo.input('ms', '200');
    await demo.queueBatch();
    const state = await until(demo, (current) => current.run?.phase === 'done');
    expect(state.jobs).toHaveLength(BATCH);
    const ids = state.jobs.map((job) => Number(job.id.replace('sim-', '')));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(state.run?.line).toBe(`${BATCH} von ${BATCH} Jobs fertig – die Tabelle zeigt, wer sie rechnet.`);
    demo.input('ms', '999');
    demo.reset();
    expect(demo.state).toMatchObject({ run: null, jobs: [], error: '', inputs: { ms: '2000' } });
  });
});
