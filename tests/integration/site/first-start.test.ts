import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/server/config';
import { buildTrackingApp } from '../../../src/server/tracking/service';

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

it(
  'runs a unit test file with a clean first screen: Vitest loads its config as Vite does',
  { timeout: 120_000 },
  async () => {
    const { stdout, stderr } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'test:unit', '--', 'tests/unit/browser/dom.test.ts'],
      { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
    );
    const output = `${stdout}${stderr}`;
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toContain('(!)');
    expect(output).not.toContain('configLoader');
  },
);

it('the tracking server alone serves the live script of /visits from that build', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-first-start-data-'));
  const app = await buildTrackingApp(loadServiceConfig(0, { SITE_DIR: outDir, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
  try {
    const page = await app.inject({ url: '/visits' });
    expect(page.body).toContain('<script type="module" src="/visits/live.js"></script>');
    const script = await app.inject({ url: '/visits/live.js' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('/api/visits/stream');
    // One file: the tracking server serves nothing else of the site.
    expect(script.body).not.toMatch(/\bimport\b/);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
