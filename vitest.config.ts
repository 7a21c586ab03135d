import { defineConfig } from 'vitest/config';
import taskCatalogue from './src/widgets/catalogue-plugin';

/**
 * Two layers besides the browser tests: `unit` is pure and fast (no browser, no build, no server,
 * no child process); `integration` runs real servers, databases, builds and CLIs.
 */
export default defineConfig({
  plugins: [taskCatalogue()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    projects: [
      // Pure modules without state of their own: one module graph per worker, not one per file.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/server/**/*.test.ts', 'tests/integration/**/*.test.ts'] },
      },
    ],
  },
});
