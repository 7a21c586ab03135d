import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../tracking/helpers';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Runs an entry point to its end; its exit code and what it wrote. */
function run(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('PostgreSQL unreachable at start', () => {
  it.each([
    ['npm start', 'src/server/main.ts'],
    ['npm run start:tracking', 'src/server/tracking/main.ts'],
  ])('%s: one German line naming DATABASE_URL, exit 1, no stack', async (_name, entry) => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>x</title>');
    const result = await run(entry, {
      DATABASE_URL: 'postgres://postgres:geheim@127.0.0.1:1/test',
      DATA_DIR: dir.path,
      SITE_DIR: dir.path,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^PostgreSQL unter DATABASE_URL ist nicht erreichbar \(.*ECONNREFUSED.*\)\. Prüfen Sie/);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at |geheim/);
  });
});

describe('a port already in use at start', () => {
  it.each([
    ['npm start', 'src/server/main.ts'],
    ['npm run start:tracking', 'src/server/tracking/main.ts'],
    ['npm run start:tasks', 'src/server/tasks/main.ts'],
  ])('%s: one German line naming the port and PORT, exit 1, no stack', async (_name, entry) => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>x</title>');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => taken.close());
    const { port } = taken.address() as AddressInfo;
    const result = await run(entry, {
      PORT: String(port),
      DATA_DIR: dir.path,
      SITE_DIR: dir.path,
      DATABASE_URL: '',
      REDIS_URL: '',
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      `Port ${port} auf 127.0.0.1 ist schon belegt. Beenden Sie das Programm, das ihn nutzt, oder wählen Sie mit PORT=<Zahl> einen anderen.`,
    ]);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });
});
