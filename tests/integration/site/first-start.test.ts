import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'vs-first-start-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('builds the site without a single warning, as the first `npm start` does', { timeout: 300_000 }, async () => {
  const { stdout, stderr } = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'build', '--', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(`${stdout}${stderr}`.trim()).toBe('');
});
