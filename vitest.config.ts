import { defineConfig } from 'vitest/config';
import taskCatalogue from './src/widgets/catalogue-plugin';

export default defineConfig({
  plugins: [taskCatalogue()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
});
