import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const systemChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(systemChromium) ? systemChromium : undefined);

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4181);
const dataDir = mkdtempSync(join(tmpdir(), 'vs-e2e-'));

/**
 * Tests that present a deck to an audience: a presenter with the token publishes to everyone who
 * follows that deck on the shared test server, so two of them at once would steer each other's
 * followers. They run one at a time, beside the rest.
 */
const PRESENTING = [
  'hall/**/*.spec.ts',
  'follow/**/*.spec.ts',
  'polls/**/*.spec.ts',
  'teach/failures.spec.ts',
  'teach/cluster.spec.ts',
  'viewer/blackout.spec.ts',
  'viewer/reading.spec.ts',
  'viewer/presenter-layout.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'vortrag', testMatch: PRESENTING, workers: 1 },
    { name: 'seiten', testIgnore: PRESENTING },
  ],
  webServer: {
    command: 'npx tsx src/server/main.ts',
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PRESENTER_TOKEN: 'e2e-presenter',
      ADMIN_TOKEN: 'e2e-admin',
      // The browser tests run the embedded task server (worker threads), as a lecturer's laptop does;
      // the Redis mode has its own integration tests, with worker processes to crash.
      REDIS_URL: '',
      // Its own keys and channels if a shared backend is set, apart from other servers on it.
      SHARED_PREFIX: `e2e-${E2E_PORT}:`,
      INSTANCE: 'instanz-e2e',
    },
  },
});
