import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mergeConfig } from 'vite';
import project from '../../../vite.config';

/** The project's Vite config with its own dependency cache, so this dev server shares nothing with others. */
export default mergeConfig(project, {
  root: resolve(import.meta.dirname, '../../..'),
  cacheDir: join(tmpdir(), 'vs-viewer-e2e-vite'),
});
