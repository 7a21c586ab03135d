import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedRunner, serve, type TestServer } from './helpers';

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const clientEntry = new URL('../../../src/cli/client.ts', import.meta.url).pathname;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run client -- ARGS` as a real process. */
async function client(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--import',
      tsxLoader,
      clientEntry,
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('command-line client (npm run client)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await serve(await embeddedRunner({ threads: 1 }));
  });
  afterAll(() => server.close());

  it('prints the result of `sum 1 2 3 4`, as the exercise’s client did', async () => {
    const outcome = await client('sum', '1', '2', '3', '4', '--server', server.url);
    expect(outcome).toMatchObject({ code: 0, stdout: '10\n' });
    expect(outcome.stderr).toMatch(/Worker thread-\d+/);
  });

  it('prints the server’s JSON answer with --json', async () => {
    const outcome = await client('multiplication', '1', '2', '3', '4', '--json', `--server=${server.url}`);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ result: 24, task: 'multiplication' });
  });

  it('maps words to object parameters by name or in order', async () => {
    expect((await client('pi', '10', '--server', server.url)).stdout).toBe('3.1415926535\n');
    const hash = await client('hash', 'iterations=1', 'text=abc', '--server', server.url);
    expect(hash.stdout).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
  });

  it('follows a queued job with a progress bar when --async is given', async () => {
    const outcome = await client('primes', '20000000', '--async', '--server', server.url);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({ count: 1_270_607, largest: 19_999_999 });
    expect(outcome.stderr).toMatch(/eingereiht/);
    expect(outcome.stderr).toMatch(/\[█+\] 100 %/);
  });

  it('explains an unknown task and bad parameters', async () => {
    const unknown = await client('fft', '1', '--server', server.url);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unbekannte Task „fft“\. Bekannt sind: sum, multiplication/);
    const large = await client('primes', '1000000000', '--server', server.url);
    expect(large.code).toBe(1);
    expect(large.stderr).toMatch(/Fehler 400: .*params\.n.*100000000/);
  });

  it('says clearly, in German, when the server is unreachable', async () => {
    const outcome = await client('sum', '1', '--server', `http://127.0.0.1:${await closedPort()}`);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/nicht erreichbar \(ECONNREFUSED\)/);
    expect(outcome.stderr).toMatch(/npm start/);
  });

  it('answers unknown and incomplete options in German, with the usage, exit code 2', async () => {
    const unknown = await client('--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unbekannte Option --bogus\.\nAufruf: npm run client/);
    const missing = await client('sum', '1', '--server');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^--server braucht einen Wert\./);
  });

  it('prints times in German, one status line each', async () => {
    const outcome = await client('sum', '1', '2', '--server', server.url);
    expect(outcome.stderr).toMatch(/^sum · Worker thread-\d+ · Rechenzeit \d+(,\d+)? ms · Antwort nach \d+ ms\n$/);
  });
});
